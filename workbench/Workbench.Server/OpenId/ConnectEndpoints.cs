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

    private static async Task<IResult> TokenAsync(HttpContext http, TokenPrincipals principals, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
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
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (TokenRequestRefusedException e)
        {
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
