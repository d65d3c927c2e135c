using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
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
        // The security stamp is re-checked every 30 minutes and the principal rebuilt from the database; the rebuilt
        // one must keep the fact that this session passed MFA, or every session would lose access after 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = c =>
        {
            var mfa = c.CurrentPrincipal?.Claims.Where(m => m.Type is WorkbenchClaims.AuthenticationMethod or WorkbenchClaims.MfaAt) ?? [];
            if (c.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                foreach (var claim in mfa.Where(m => !identity.HasClaim(m.Type, m.Value)))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                }
            }
            return Task.CompletedTask;
        });
        services.AddAuthorization(Policies.Add);
        services.AddOptions<RecentMfaOptions>().BindConfiguration(RecentMfaOptions.Section)
            .Validate(o => o.MaxAge > TimeSpan.Zero, "RecentMfa:MaxAge must be positive").ValidateOnStart();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, RecentMfaHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, StepUpRedirect>();
        services.AddDataProtection().SetApplicationName("Workbench")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.ResolvedDataDirectory
                ?? new DatabaseOptions().ResolvedDataDirectory, "keys")));
        services.AddScoped<UserProvisioning>();
        services.AddScoped<UserAdministration>();
        services.AddOptions<DemoUsersOptions>().BindConfiguration(DemoUsersOptions.Section);
        return builder;
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
