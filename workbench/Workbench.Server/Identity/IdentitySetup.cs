using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workbench.Server.Database;

namespace Workbench.Server.Identity;

public static class IdentitySetup
{
    /// <summary>Personal accounts with mandatory TOTP, lockout, cookie sign-in and deny-by-default authorisation.</summary>
    public static WebApplicationBuilder AddWorkbenchIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<WorkbenchUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<WorkbenchClaimsFactory>()
            .AddEntityFrameworkStores<WorkbenchDbContext>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.AccessDeniedPath = "/Account/Denied";
            o.Cookie.Name = "workbench";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            // The API answers with a status (and ProblemDetails), never with a redirect to a page.
            o.Events.OnRedirectToLogin = c => ApiStatusOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatusOrRedirect(c, StatusCodes.Status403Forbidden);
            // Every request, not every 30 minutes: a lock, deletion or reset ends the session at once, a revoked role is gone.
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            // Stamp when the second factor was checked, once: a refreshed or re-issued cookie keeps the original time.
            o.Events.OnSigningIn = c =>
            {
                if (c.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && identity.HasClaim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa) && !identity.HasClaim(m => m.Type == WorkbenchClaims.MfaAt))
                {
                    var now = c.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    identity.AddClaim(new System.Security.Claims.Claim(WorkbenchClaims.MfaAt,
                        now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(Policies.Add);
        services.AddOptions<RecentMfaOptions>().BindConfiguration(RecentMfaOptions.Section)
            .Validate(o => o.MaxAge > TimeSpan.Zero, "RecentMfa:MaxAge must be positive").ValidateOnStart();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, RecentMfaHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, StepUpRedirect>();
        // The key ring encrypts the sign-in cookies and the second-factor secrets: in the data directory, never in the
        // repository, readable by the server's account only.
        var keyRing = Path.Combine(builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.ResolvedDataDirectory
            ?? new DatabaseOptions().ResolvedDataDirectory, "keys");
        OwnerOnly.EnsureDirectory(keyRing);
        services.AddDataProtection().SetApplicationName("Workbench").PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        services.Replace(ServiceDescriptor.Scoped<IUserStore<WorkbenchUser>, ProtectedUserStore>());
        services.AddScoped<AccountCheck>();
        services.AddScoped<UserProvisioning>();
        services.AddScoped<UserAdministration>();
        services.AddOptions<DemoUsersOptions>().BindConfiguration(DemoUsersOptions.Section);
        return builder;
    }

    private static readonly Action<ILogger, int, Exception?> SecretsEncrypted = LoggerMessage.Define<int>(
        LogLevel.Information, new EventId(1, nameof(SecretsEncrypted)), "Encrypted {Count} second-factor secrets that were stored in plain text");

    /// <summary>
    /// At start, after the migrations: encrypts second-factor secrets an older database still holds in plain text,
    /// refuses to start outside Development on a database with demo accounts, and seeds them in Development.
    /// </summary>
    public static async Task PrepareIdentityAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var protectedRows = await ProtectedUserStore.ProtectStoredSecretsAsync(scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>(),
                scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), CancellationToken.None);
            if (protectedRows > 0)
            {
                SecretsEncrypted(app.Logger, protectedRows, null);
            }
            await DemoAccounts.RefuseOutsideDevelopmentAsync(scope.ServiceProvider, app.Environment, CancellationToken.None);
        }
        await app.SeedDemoUsersAsync();
    }

    /// <summary>Seeds the demo users, only in Development; never anywhere else.</summary>
    public static async Task SeedDemoUsersAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoUsersOptions>>().Value;
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        foreach (var user in demo.Users)
        {
            await provisioning.EnsureAsync(user.ToRequest(demo.Password), CancellationToken.None);
        }
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
