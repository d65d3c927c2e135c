using Workbench.Audit;
using System.Net;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Web;

namespace Workbench.Server.Tests.Web;

/// <summary>Every answer of the workbench carries the strict Content-Security-Policy and the other protective headers.</summary>
public sealed class SecurityHeadersTests
{
    public const string StrictPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    internal static void AssertProtected(HttpResponseMessage response, string policy)
    {
        var path = response.RequestMessage?.RequestUri?.PathAndQuery;
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{path}: no Content-Security-Policy");
        Assert.Equal(policy, Assert.Single(csp));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Opener-Policy")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
    }

    [Theory]
    [InlineData("/Account/SignIn", HttpStatusCode.OK)]
    [InlineData("/Dashboard", HttpStatusCode.OK)]
    [InlineData("/site.css", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/no-such-thing", HttpStatusCode.Unauthorized)]
    [InlineData("/Projects", HttpStatusCode.Redirect)]
    public async Task Get_AnyWorkbenchAnswer_CarriesTheStrictPolicyAndProtectiveHeaders(string path, HttpStatusCode status)
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateBrowserlessClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertProtected(response, StrictPolicy);
    }

    [Fact]
    public async Task Get_SignedInPagesAndApi_CarryTheStrictPolicy()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("boss", "CBS", WorkbenchRole.Admin));

        foreach (var path in new[] { "/", "/Projects", "/Admin/Users", "/Audit", "/ApiReference", "/api/me", "/api/users", "/openapi/v1.json" })
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            AssertProtected(response, StrictPolicy);
        }
    }

    [Fact]
    public async Task WorkbenchPolicy_WithANotebookOrigin_LetsOnlyTheOpenFormGoThere()
    {
        var policy = SecurityHeaders.WorkbenchPolicy(new Uri("http://localhost:5081"));

        Assert.Contains("form-action 'self' http://localhost:5081;", policy, StringComparison.Ordinal);
        Assert.Equal(StrictPolicy, policy.Replace(" http://localhost:5081", "", StringComparison.Ordinal));
    }
}
