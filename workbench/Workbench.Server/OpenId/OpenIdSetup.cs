using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Workbench.Server.Database;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Workbench.Server.OpenId;

public static class OpenIdSetup
{
    /// <summary>Chooses the bearer token or the sign-in cookie by the request's Authorization header.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    /// <summary>
    /// OpenIddict on the Identity accounts: discovery, authorization code with PKCE, device authorization, refresh,
    /// introspection and revocation, with reference (revocable) access and refresh tokens. Keys are generated once
    /// under the data directory (owner-only). Plain HTTP is accepted in Development only, for the loopback demo.
    /// </summary>
    public static WebApplicationBuilder AddOpenId(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenIdOptions>().BindConfiguration(OpenIdOptions.Section)
            .Validate(OpenIdOptions.IsValid, "OpenId: every client needs a unique ClientId, a flow, and absolute RedirectUris for the code flow")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(OpenIdOptions.Section).Get<OpenIdOptions>() ?? new OpenIdOptions();
        var dataDirectory = (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).ResolvedDataDirectory;
        var keyDirectory = options.KeyDirectory is { Length: > 0 } configured ? configured : Path.Combine(dataDirectory, "openid");

        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<WorkbenchDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetDeviceAuthorizationEndpointUris("connect/device")
                    .SetEndUserVerificationEndpointUris("connect/verify")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke");
                // PKCE with S256 only: "plain" would hand the verifier to anyone who sees the authorization request.
                o.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowDeviceAuthorizationFlow()
                    .AllowRefreshTokenFlow()
                    .AllowTokenExchangeFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess);
                // Project scopes (project:ID) are dynamic: TokenPrincipals checks every scope against the user instead.
                o.DisableScopeValidation().IgnoreScopePermissions();
                o.UseReferenceAccessTokens().UseReferenceRefreshTokens();
                o.AddEventHandler(RevocationAudit.Descriptor);
                o.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                o.AddSigningKey(OpenIdKeys.LoadOrCreate(keyDirectory, "signing"))
                    .AddEncryptionKey(OpenIdKeys.LoadOrCreate(keyDirectory, "encryption"));
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough();
                if (builder.Environment.IsDevelopment() || options.AllowHttpOnLoopback)
                {
                    aspNetCore.DisableTransportSecurityRequirement(); // the demo of `workbench up` is http on loopback
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.EnableTokenEntryValidation().EnableAuthorizationEntryValidation();
                o.AddEventHandler(TokenAccountCheck.Descriptor); // a locked or deleted account's token is refused at once
                o.UseAspNetCore();
            });

        builder.Services.AddAuthentication(CookieOrBearer).AddPolicyScheme(CookieOrBearer, "Sign-in cookie or bearer token", o =>
            o.ForwardDefaultSelector = c => c.Request.Headers.Authorization.ToString() switch
            {
                // The kernels of the workbench's own notebook servers (see Notebooks/KernelCredentials).
                var h when h.StartsWith("Bearer " + Notebooks.KernelCredentials.Prefix, StringComparison.Ordinal) => Notebooks.KernelCredentialHandler.SchemeName,
                var h when h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme,
                _ => IdentityConstants.ApplicationScheme,
            });
        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddScoped<IAuthorizationHandler, ProjectTokenHandler>();
        return builder;
    }

    /// <summary>Registers (or updates) the configured clients, so the configuration is the one source of truth.</summary>
    public static async Task SeedOpenIdClientsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in scope.ServiceProvider.GetRequiredService<IOptions<OpenIdOptions>>().Value.Clients)
        {
            var descriptor = Describe(client);
            if (await manager.FindByClientIdAsync(client.ClientId) is { } existing)
            {
                await manager.UpdateAsync(existing, descriptor);
            }
            else
            {
                await manager.CreateAsync(descriptor);
            }
        }
    }

    private static OpenIddictApplicationDescriptor Describe(OpenIdClient client)
    {
        var confidential = !string.IsNullOrEmpty(client.ClientSecret);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = confidential ? client.ClientSecret : null,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            DisplayName = string.IsNullOrWhiteSpace(client.DisplayName) ? client.ClientId : client.DisplayName,
            ConsentType = ConsentTypes.Implicit, // first-party clients; the project scopes are checked per user
            Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.RefreshToken },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }
        if (client.AuthorizationCode)
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code]);
            foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }
        if (client.TokenExchange)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.TokenExchange);
        }
        if (client.DeviceCode)
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.DeviceAuthorization, Permissions.GrantTypes.DeviceCode]);
        }
        return descriptor;
    }
}
