using System.Net;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;
using static Workbench.Server.Tests.OpenId.OidcClient;

namespace Workbench.Server.Tests.OpenId;

/// <summary>
/// What a person sees before approving a device (client, scopes, project) and what the device's token then reaches:
/// no more than the scopes asked for.
/// </summary>
public class DeviceApprovalTests
{
    private sealed record Setup(WorkbenchApp App, TestUser Scientist, string ProjectA, string ProjectB);

    private static async Task<Setup> StartAsync()
    {
        var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.SignInAsync(await app.CreateUserAsync("anna.admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var a = await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with { Title = "Drug labs in vacant buildings" });
        var b = await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with { Title = "Cash-intensive companies" });
        return new Setup(app, scientist, a, b);
    }

    [Fact]
    public async Task VerifyPage_ProjectScope_ShowsClientScopesAndTheProjectsIdAndTitle()
    {
        var (app, scientist, projectA, _) = await StartAsync();
        await using var _app = app;
        var (_, device) = await PostAsync(app.CreateHttpsClient(), "/connect/device",
            new() { ["client_id"] = WorkbenchApp.KernelClientId, ["scope"] = $"openid offline_access project:{projectA} project:P-1999-999" });
        var browser = await WorkbenchApp.SignInAsync(scientist, app.CreateHttpsClient());

        var page = await browser.GetStringAsync($"/connect/verify?user_code={Uri.EscapeDataString(device.GetProperty("user_code").GetString()!)}");

        Assert.Contains("<strong id=\"client\">Workbench C# kernel</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"<code id=\"client-id\">{WorkbenchApp.KernelClientId}</code>", page, StringComparison.Ordinal);
        Assert.Contains("data-scope=\"openid\"", page, StringComparison.Ordinal);
        Assert.Contains("data-scope=\"offline_access\"", page, StringComparison.Ordinal);
        Assert.Contains($"<strong class=\"project-id\">{projectA}</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"project-title\">Drug labs in vacant buildings</span>", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"project-id\">P-1999-999</strong>", page, StringComparison.Ordinal);
        Assert.Contains("you are not a member of that project", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceToken_OpenIdOnly_ReadsNoProject()
    {
        var (app, scientist, projectA, _) = await StartAsync();
        await using var _app = app;
        var token = await DeviceTokens.AccessTokenAsync(app, scientist, "openid");
        var api = app.CreateHttpsClient();

        var me = await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/me", token);
        var refused = new[]
        {
            await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/projects", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectA}", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectA}/data", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Post, $"/api/projects/{projectA}/outputs", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/outputs", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Get, "/api/questions", token),
        };

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("projects in its scope", (await DeviceTokens.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeviceToken_ForProjectA_ReachesAButNeverB()
    {
        var (app, scientist, projectA, projectB) = await StartAsync();
        await using var _app = app;
        var token = await DeviceTokens.AccessTokenAsync(app, scientist, $"openid project:{projectA}");
        var api = app.CreateHttpsClient();

        var a = await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectA}", token);
        var aData = await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectA}/data", token);
        var b = new[]
        {
            await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectB}", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectB}/data", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectB}/view", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Post, $"/api/projects/{projectB}/outputs", token),
            await DeviceTokens.SendAsync(api, HttpMethod.Get, $"/api/projects/{projectA}-x/data", token), // a prefix is not the project
        };

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aData.StatusCode);
        Assert.All(b, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
    }
}
