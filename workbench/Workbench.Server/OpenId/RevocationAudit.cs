using OpenIddict.Abstractions;
using OpenIddict.Server;
using Workbench.Audit;
using Workbench.Server.Audit;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Workbench.Server.OpenId;

/// <summary>
/// Audits a revocation at <c>/connect/revoke</c>. OpenIddict revokes the token in its own handler and saves it
/// itself, so this runs right after that handler (not in its transaction) and only when the revocation succeeded.
/// </summary>
internal sealed class RevocationAudit(AuditTrail audit) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevocationAudit>()
            .SetOrder(OpenIddictServerHandlers.Revocation.HandleRevocationRequest.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsRejected || context.GenericTokenPrincipal is not { } token)
        {
            return;
        }
        var subject = token.GetClaim(OpenIddictConstants.Claims.Subject);
        var name = token.GetClaim(OpenIddictConstants.Claims.Name) ?? subject;
        await audit.SaveChangesAsync([AuditEvent.Create(subject ?? $"client:{context.Request.ClientId}", AuditActions.TokenRevoked,
            name is null ? $"client:{context.Request.ClientId}" : $"user:{name}",
            new { client = context.Request.ClientId, tokenType = token.GetTokenType(), tokenId = token.GetTokenId() })], context.CancellationToken);
    }
}
