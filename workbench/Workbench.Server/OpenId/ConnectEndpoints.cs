using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Workbench.Server.OpenId;

/// <summary>
/// The two OpenID Connect endpoints that need Workbench's own decisions: authorisation (only for a sign-in that passed
/// MFA) and token issuance (the user is re-read and re-checked at every code, device code and refresh token).
/// Discovery, keys, device authorisation, introspection and revocation are OpenIddict's own.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, UserManager<WorkbenchUser> users, TokenPrincipals principals, AuditTrail audit, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded && cookie.Principal.HasClaim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa)
            ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(OpenIddictConstants.Errors.LoginRequired, "the user is not signed in with MFA");
            }
            // Back here after the sign-in pages, with the same request.
            var parameters = http.Request.HasFormContentType ? [.. http.Request.Form] : http.Request.Query.ToList();
            return Results.Challenge(new AuthenticationProperties
            {
                RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters),
            }, [IdentityConstants.ApplicationScheme]);
        }
        if (await users.IsLockedOutAsync(user))
        {
            return Refuse(OpenIddictConstants.Errors.AccessDenied, "the account is locked");
        }
        try
        {
            var principal = await principals.CreateAsync(user, request.GetScopes(), ct);
            await audit.SaveChangesAsync([AuthorizedEvent(user, request.ClientId, principal, "authorization_code")], ct);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (TokenRequestRefusedException e)
        {
            return Refuse(e.Error, e.Message);
        }
    }

    private static async Task<IResult> TokenAsync(HttpContext http, TokenPrincipals principals, AuditTrail audit, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        if (request.IsTokenExchangeGrantType())
        {
            return await ExchangeAsync(http, request, principals, audit, ct);
        }
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType() && !request.IsDeviceCodeGrantType())
        {
            return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "this grant type is not supported");
        }
        // OpenIddict has already validated the code, device code or refresh token and the client.
        var grant = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!grant.Succeeded)
        {
            return Refuse(OpenIddictConstants.Errors.InvalidGrant, "the grant is no longer valid");
        }
        try
        {
            var user = await principals.UserOfGrantAsync(grant.Principal);
            var principal = await principals.CreateAsync(user, grant.Principal.GetScopes(), ct);
            // Committed just before OpenIddict stores the tokens (it saves them itself, after this endpoint returns).
            await audit.SaveChangesAsync([AuditEvent.Create(user.Id,
                request.IsRefreshTokenGrantType() ? AuditActions.TokenRefreshed : AuditActions.TokenIssued, $"user:{user.UserName}",
                new { client = request.ClientId, grant = request.GrantType, scopes = principal.GetScopes().ToArray(),
                      lifetimeSeconds = (long?)principal.GetAccessTokenLifetime()?.TotalSeconds })], ct);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (TokenRequestRefusedException e)
        {
            return Refuse(e.Error, e.Message);
        }
    }

    /// <summary>
    /// RFC 8693: a user's access token carrying <c>project:ID</c> becomes a short-lived kernel token for that one
    /// project's data API. Only access tokens are accepted as subject (not kernel tokens: no chains that outlive their
    /// origin), exactly one project scope the subject token already holds, and the user must still be a member within
    /// retention. The decision is audited (granted or refused) and committed before OpenIddict stores the token.
    /// </summary>
    private static async Task<IResult> ExchangeAsync(
        HttpContext http, OpenIddictRequest request, TokenPrincipals principals, AuditTrail audit, CancellationToken ct)
    {
        // OpenIddict has already validated the client and the subject token.
        var subject = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!subject.Succeeded)
        {
            return Refuse(OpenIddictConstants.Errors.InvalidGrant, "the subject token is not valid");
        }
        var userId = subject.Principal.GetClaim(Claims.Subject) ?? "";
        var scopes = request.GetScopes();
        var projectId = scopes.Length == 1 && scopes[0].StartsWith(TokenPrincipals.ProjectScopePrefix, StringComparison.Ordinal)
            ? scopes[0][TokenPrincipals.ProjectScopePrefix.Length..] : null;
        try
        {
            if (request.SubjectTokenType != TokenTypeIdentifiers.AccessToken || subject.Principal.HasClaim(c => c.Type == TokenPrincipals.KernelClaim))
            {
                throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidRequest, "only a user's access token can be exchanged for a kernel token");
            }
            if (projectId is null)
            {
                throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidScope, "ask for exactly one scope, project:ID");
            }
            if (!subject.Principal.HasScope(scopes[0]))
            {
                throw new TokenRequestRefusedException(OpenIddictConstants.Errors.InvalidScope, $"the subject token does not hold '{scopes[0]}'");
            }
            var user = await principals.UserOfAccessTokenAsync(subject.Principal);
            var principal = await principals.CreateKernelAsync(user, projectId, ct);
            await audit.SaveChangesAsync([AuditEvent.Create(user.Id, AuditActions.TokenExchanged, $"project:{projectId}",
                new { client = request.ClientId, lifetimeSeconds = (long?)principal.GetAccessTokenLifetime()?.TotalSeconds })], ct);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (TokenRequestRefusedException e)
        {
            await audit.SaveChangesAsync([AuditEvent.Create(userId, AuditActions.TokenExchangeRefused,
                projectId is null ? $"user:{userId}" : $"project:{projectId}", new { client = request.ClientId, reason = e.Message })], ct);
            return Refuse(e.Error, e.Message);
        }
    }

    internal static AuditEvent AuthorizedEvent(WorkbenchUser user, string? clientId, ClaimsPrincipal principal, string flow) =>
        AuditEvent.Create(user.Id, AuditActions.ClientAuthorized, $"user:{user.UserName}",
            new { client = clientId, flow, scopes = principal.GetScopes().ToArray() });

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
