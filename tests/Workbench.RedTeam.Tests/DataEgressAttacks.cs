using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Audit;
using Workbench.RedTeam.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;

namespace Workbench.RedTeam.Tests;

/// <summary>
/// A data scientist tries to take the project's microdata home: the view file and rows, from the browser, the command
/// line and a kernel on their own laptop. Only a kernel of the workbench's own notebook servers gets the view.
/// </summary>
[Collection(RunningWorkbenchGroup.Name)]
public sealed class DataEgressAttacks(RunningWorkbench workbench)
{
    private async Task<(SignedIn Scientist, SignedIn Admin, string Project)> SetUpAsync()
    {
        var scientist = await workbench.SignInAsync("scientist");
        var admin = await workbench.SignInAsync("admin");
        var projects = await scientist.Client.GetFromJsonAsync<JsonElement>("/api/projects", RunningWorkbench.Json);
        var project = projects.EnumerateArray().Select(p => p.GetProperty("id").GetString()!).First();
        return (scientist, admin, project);
    }

    [Fact]
    public async Task ViewFile_FromTheBrowserSession_IsRefusedAndAudited()
    {
        var (scientist, admin, project) = await SetUpAsync();
        var head = await Refusals.AuditHeadAsync(admin.Client);

        var response = await scientist.Client.GetAsync($"/api/projects/{project}/view");

        await Refusals.AssertProblemAsync(response, HttpStatusCode.Forbidden, "never delivered to a browser");
        await Refusals.AssertAuditedAsync(admin.Client, head, AuditActions.DataAccessRefused, scientist.Id);
    }

    [Fact]
    public async Task Rows_PagedThroughTheDataApi_DoNotExist()
    {
        var (scientist, _, project) = await SetUpAsync();

        foreach (var dataset in new[] { "persons", "buildings", "incomes" })
        {
            var response = await scientist.Client.GetAsync($"/api/projects/{project}/data/{dataset}?limit=1000&offset=0");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task ViewFile_WithACommandLineDeviceToken_IsRefusedAndAudited()
    {
        var (scientist, admin, project) = await SetUpAsync();
        var head = await Refusals.AuditHeadAsync(admin.Client);
        var token = await OidcClient.DeviceTokenAsync(workbench.BaseAddress, scientist.Client, "workbench-cli", $"openid project:{project}");

        var response = await BearerGetAsync(token, $"/api/projects/{project}/view");

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
        Assert.NotEqual("application/vnd.duckdb", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 4096, "a refusal must not carry a file");
        if (response.StatusCode == HttpStatusCode.Forbidden)
            await Refusals.AssertAuditedAsync(admin.Client, head, AuditActions.DataAccessRefused, scientist.Id);
    }

    [Fact]
    public async Task ViewFile_WithALocalKernelsExchangedToken_IsRefusedAndAudited()
    {
        var (scientist, admin, project) = await SetUpAsync();
        var head = await Refusals.AuditHeadAsync(admin.Client);
        var user = await OidcClient.DeviceTokenAsync(workbench.BaseAddress, scientist.Client, "workbench-kernel", $"openid project:{project}");
        var kernel = await OidcClient.KernelTokenAsync(workbench.BaseAddress, "workbench-kernel", user, project);

        var response = await BearerGetAsync(kernel, $"/api/projects/{project}/view");

        await Refusals.AssertProblemAsync(response, HttpStatusCode.Forbidden, "a kernel outside the workbench");
        await Refusals.AssertAuditedAsync(admin.Client, head, AuditActions.DataAccessRefused, scientist.Id);
    }

    [Fact]
    public async Task ViewFile_WithAForgedKernelCredential_IsUnauthorized()
    {
        var (_, _, project) = await SetUpAsync();

        var response = await BearerGetAsync("wbk_" + new string('0', 64), $"/api/projects/{project}/view");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> BearerGetAsync(string token, string path)
    {
        using var http = new HttpClient { BaseAddress = workbench.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(path);
    }
}
