using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Workbench.Server.OpenId;

/// <summary>
/// On every request with an access token, after OpenIddict has validated it (signature, expiry, and the token entry:
/// a revoked token is already refused there): the account behind it must still exist and not be locked. Locking
/// revokes the user's tokens as well; this also covers a deleted account and a lockout after failed sign-ins, whose
/// tokens nobody revoked. The refusal is a 401 with <c>invalid_token</c> and the reason, and is audited.
/// </summary>
internal sealed class TokenAccountCheck(AccountCheck accounts, AuditTrail audit) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<TokenAccountCheck>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsRejected || context.AccessTokenPrincipal is not { } token)
        {
            return;
        }
        var subject = token.GetClaim(OpenIddictConstants.Claims.Subject);
        var (state, refusal) = subject is null ? (null, "the token names no user") : await accounts.FindActiveAsync(subject, context.CancellationToken);
        if (state is null)
        {
            await audit.SaveChangesAsync([AuditEvent.Create(subject ?? "anonymous", StepUpRedirect.AccessRefused,
                $"user:{token.GetClaim(OpenIddictConstants.Claims.Name) ?? subject}",
                new { tokenId = token.GetTokenId(), reason = refusal })], context.CancellationToken);
            context.Reject(OpenIddictConstants.Errors.InvalidToken, $"the token is no longer valid: {refusal}");
        }
    }
}
