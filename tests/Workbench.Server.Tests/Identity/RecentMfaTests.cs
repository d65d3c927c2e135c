using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

/// <summary>The RecentMfa policy for sensitive actions, on the injected (fake) clock.</summary>
public class RecentMfaTests
{
    /// <summary>A browser session (the sign-in cookie's authentication type) with these claims.</summary>
    private static ClaimsPrincipal SignedIn(params Claim[] claims) => SignedInWith(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, claims);

    private static ClaimsPrincipal SignedInWith(string authenticationType, params Claim[] claims) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1"), new Claim(WorkbenchClaims.AuthenticationMethod, WorkbenchClaims.Mfa), .. claims], authenticationType));

    private static Claim MfaAt(DateTimeOffset at) =>
        new(WorkbenchClaims.MfaAt, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<bool> AllowedAsync(WorkbenchApp app, ClaimsPrincipal user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, Policies.RecentMfa)).Succeeded;
    }

    [Fact]
    public async Task RecentMfa_WithinMaxAge_IsAllowed_AfterwardsRefused()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = SignedIn(MfaAt(app.Clock.GetUtcNow()));

        var fresh = await AllowedAsync(app, user);
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        var stillFresh = await AllowedAsync(app, user);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var stale = await AllowedAsync(app, user);

        Assert.True(fresh);
        Assert.True(stillFresh);
        Assert.False(stale);
    }

    [Fact]
    public async Task RecentMfa_NoMfaTime_AsWithAnAccessToken_IsRefused()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);

        Assert.False(await AllowedAsync(app, SignedIn()));
    }

    [Fact]
    public async Task RecentMfa_FreshMfaTimeOnATokenIdentity_IsRefused()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);

        Assert.False(await AllowedAsync(app, SignedInWith("OpenIddict.Validation.AspNetCore", MfaAt(app.Clock.GetUtcNow()))));
    }

    [Fact]
    public async Task RecentMfa_MfaTimeInTheFuture_IsRefused()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);

        Assert.False(await AllowedAsync(app, SignedIn(MfaAt(app.Clock.GetUtcNow().AddMinutes(5)))));
    }

    [Fact]
    public async Task SignIn_WithTotp_StampsMfaTimeFromTheClock()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        app.Clock.Advance(TimeSpan.FromHours(3)); // the stamp must come from the injected clock, not the wall clock
        var expected = app.Clock.GetUtcNow().ToUnixTimeSeconds();

        var me = await (await app.SignInAsync(user)).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(expected, me.GetProperty("mfaAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }
}
