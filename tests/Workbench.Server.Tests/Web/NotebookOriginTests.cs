using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Web;

/// <summary>
/// The notebooks' own origin (here <c>http://notebooks.test</c>, the workbench at <c>http://localhost</c>): it serves
/// only the notebooks, with its own cookie from a one-time ticket; the workbench never serves them.
/// </summary>
public sealed class NotebookOriginTests
{
    private const string Origin = "http://notebooks.test";

    private static Task<WorkbenchApp> StartAsync(bool withOrigin = true) => WorkbenchApp.StartAsync(DatabaseProvider.Sqlite,
        settings: withOrigin ? new Dictionary<string, string> { ["Notebooks:Origin"] = Origin } : null);

    private static HttpClient NotebookClient(WorkbenchApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(Origin) });

    private static async Task<(TestUser Scientist, string Project)> ProjectAsync(WorkbenchApp app)
    {
        var admin = await app.SignInAsync(await app.CreateUserAsync($"admin{Guid.NewGuid():N}"[..12], "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync($"sci{Guid.NewGuid():N}"[..10], "CBS", WorkbenchRole.DataScientist);
        return (scientist, await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id))));
    }

    private static async Task<string> TicketAsync(WorkbenchApp app, string userId, string project)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await app.Services.GetRequiredService<NotebookTickets>()
            .IssueAsync(scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>(), userId, project, CancellationToken.None);
    }

    private static string Open(string project, string ticket) => $"/notebooks/{project}/workbench-open?ticket={Uri.EscapeDataString(ticket)}";

    private static async Task<List<AuditEntry>> DeniedAsync(WorkbenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>().AuditEntries
            .Where(e => e.Action == AuditActions.NotebookAccessDenied).ToListAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/me")]
    [InlineData("/api/projects")]
    [InlineData("/Account/SignIn")]
    [InlineData("/Projects")]
    [InlineData("/Notebooks")]
    [InlineData("/notebooks/Index")]
    [InlineData("/connect/verify")]
    [InlineData("/site.css")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task NotebookOrigin_WorkbenchPagesApiAndFiles_AreNotFound(string path)
    {
        await using var app = await StartAsync();

        var response = await NotebookClient(app).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("the notebook origin serves only notebooks", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkbenchOrigin_NotebookAddress_IsRefusedWithWhereNotebooksAre()
    {
        await using var app = await StartAsync();
        var (scientist, project) = await ProjectAsync(app);
        var client = await app.SignInAsync(scientist);

        var refused = await client.GetAsync($"/notebooks/{project}/tree");
        var page = await client.GetAsync("/Notebooks");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"notebooks are served only from their own origin, {Origin}", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task NoNotebookOrigin_NotebookAddressAndStart_AreRefusedSayingWhy()
    {
        await using var app = await StartAsync(withOrigin: false);
        var (scientist, project) = await ProjectAsync(app);
        var client = await app.SignInAsync(scientist);

        var proxy = await client.GetAsync($"/notebooks/{project}/tree");
        var start = await client.PostAsync($"/api/projects/{project}/notebook", null);
        var page = await client.GetStringAsync("/Notebooks");

        Assert.Equal(HttpStatusCode.Forbidden, proxy.StatusCode);
        Assert.Contains("notebooks are switched off", await proxy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
        Assert.Contains("set Notebooks:Origin", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("notebooks-off", page, StringComparison.Ordinal);
        Assert.Empty(app.Services.GetRequiredService<NotebookServers>().All());
    }

    [Fact]
    public async Task Open_ValidTicket_SetsAStrictHttpOnlyCookieForTheProjectOnlyAndTheProxyAcceptsIt()
    {
        await using var app = await StartAsync();
        var (scientist, project) = await ProjectAsync(app);
        var notebooks = NotebookClient(app);

        var before = await notebooks.GetAsync($"/notebooks/{project}/tree");
        var opened = await notebooks.GetAsync(Open(project, await TicketAsync(app, scientist.Id, project)));
        var after = await notebooks.GetAsync($"/notebooks/{project}/tree");

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Contains("open your notebooks from the workbench's Notebooks page", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.StartsWith($"{NotebookOriginCookie.CookieName}=", cookie, StringComparison.Ordinal);
        Assert.Contains($"path=/notebooks/{project.ToLowerInvariant()}/", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=1200", cookie, StringComparison.Ordinal);
        Assert.Contains("url=tree", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Past the sign-in: the proxy's own checks pass and it says no server runs (the tests here start no Jupyter).
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Contains("you have no notebook server running", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        SecurityHeadersTests.AssertProtected(after, app.Services.GetRequiredService<NotebookOrigin>().ContentSecurityPolicy);
        Assert.Contains("connect-src 'self' ws://notebooks.test;", app.Services.GetRequiredService<NotebookOrigin>().ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_TicketUsedTwiceExpiredForAnotherProjectOrAltered_IsRefusedAndAudited()
    {
        await using var app = await StartAsync();
        var (scientist, project) = await ProjectAsync(app);
        var (_, other) = await ProjectAsync(app);
        var ticket = await TicketAsync(app, scientist.Id, project);
        Assert.Equal(HttpStatusCode.OK, (await NotebookClient(app).GetAsync(Open(project, ticket))).StatusCode);

        var again = await NotebookClient(app).GetAsync(Open(project, ticket));
        var elsewhere = await NotebookClient(app).GetAsync(Open(other, await TicketAsync(app, scientist.Id, project)));
        var altered = await NotebookClient(app).GetAsync(Open(project, ticket[..^4] + (ticket[^4..] == "AAAA" ? "BBBB" : "AAAA")));
        var late = await TicketAsync(app, scientist.Id, project);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var expired = await NotebookClient(app).GetAsync(Open(project, late));

        foreach (var (response, reason) in new[]
        {
            (again, "the ticket was used already"), (elsewhere, $"the ticket is for project {project}, not {other}"),
            (altered, "the ticket is not valid"), (expired, "the ticket expired (it is valid for 60 s)"),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
        var denied = await DeniedAsync(app);
        Assert.Equal(4, denied.Count);
        Assert.Equal(3, denied.Count(e => e.Actor == scientist.Id));
        Assert.Single(denied, e => e.Actor == "anonymous");
    }

    [Fact]
    public async Task Open_TicketOfANonMember_IsRefusedAndAudited()
    {
        await using var app = await StartAsync();
        var (_, project) = await ProjectAsync(app);
        var outsider = await app.CreateUserAsync("outsider", "CBS", WorkbenchRole.DataScientist);

        var refused = await NotebookClient(app).GetAsync(Open(project, await TicketAsync(app, outsider.Id, project)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("you are not a member of this project", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await DeniedAsync(app), e => e.Actor == outsider.Id);
    }

    [Fact]
    public async Task Proxy_WorkbenchCookieOrAnotherProjectsCookie_IsNotASignInOnTheNotebookOrigin()
    {
        await using var app = await StartAsync();
        var (scientist, project) = await ProjectAsync(app);
        var (_, other) = await ProjectAsync(app);
        // The workbench's own sign-in cookie, as the browser holds it for the workbench's host.
        var jar = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler();
        await WorkbenchApp.SignInAsync(scientist, app.CreateDefaultClient(new Uri("http://localhost"), jar));
        var workbenchCookie = jar.Container.GetCookieHeader(new Uri("http://localhost/"));
        Assert.Contains("workbench=", workbenchCookie, StringComparison.Ordinal);
        var notebooks = NotebookClient(app);
        await notebooks.GetAsync(Open(project, await TicketAsync(app, scientist.Id, project)));
        var notebookCookie = Assert.Single((await notebooks.GetAsync(Open(project, await TicketAsync(app, scientist.Id, project)))).Headers.GetValues("Set-Cookie")).Split(';')[0];

        using var withWorkbenchCookie = new HttpRequestMessage(HttpMethod.Get, $"/notebooks/{project}/tree");
        withWorkbenchCookie.Headers.Add("Cookie", workbenchCookie);
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, $"/notebooks/{other}/tree");
        elsewhere.Headers.Add("Cookie", notebookCookie);
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(Origin) });

        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.SendAsync(withWorkbenchCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.SendAsync(elsewhere)).StatusCode);
    }

    [Fact]
    public async Task Proxy_AfterTheUserIsLocked_TheNotebookCookieNoLongerSignsIn()
    {
        await using var app = await StartAsync();
        var (scientist, project) = await ProjectAsync(app);
        var admin = await app.SignInAsync(await app.CreateUserAsync("boss", "CBS", WorkbenchRole.Admin));
        var notebooks = NotebookClient(app);
        await notebooks.GetAsync(Open(project, await TicketAsync(app, scientist.Id, project)));
        Assert.Equal(HttpStatusCode.NotFound, (await notebooks.GetAsync($"/notebooks/{project}/tree")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{scientist.Id}/lock", null)).StatusCode);
        var locked = await notebooks.GetAsync($"/notebooks/{project}/tree");

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("your workbench sign-in changed", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_CookieInItsSecondHalf_IsRenewedAndExpiresWithoutUse()
    {
        await using var app = await StartAsync();
        var (scientist, project) = await ProjectAsync(app);
        var notebooks = NotebookClient(app);
        await notebooks.GetAsync(Open(project, await TicketAsync(app, scientist.Id, project)));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var early = await notebooks.GetAsync($"/notebooks/{project}/tree");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var renewed = await notebooks.GetAsync($"/notebooks/{project}/tree");
        app.Clock.Advance(TimeSpan.FromMinutes(19));
        var kept = await notebooks.GetAsync($"/notebooks/{project}/tree");
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/notebooks/{project}/tree");
        var expired = await notebooks.SendAsync(stale);

        Assert.False(early.Headers.Contains("Set-Cookie"));
        Assert.True(renewed.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.NotFound, kept.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("the notebook session expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
