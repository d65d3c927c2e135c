using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;
using static Workbench.Server.Tests.OpenId.OidcClient;

namespace Workbench.Server.Tests.OpenId;

/// <summary>The device flow as the CLI and kernels use it, and tokens bound to a project's retention.</summary>
public class DeviceFlowTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static async Task<JsonElement> StartDeviceAsync(HttpClient cli, string scope)
    {
        var (status, body) = await PostAsync(cli, "/connect/device", new() { ["client_id"] = WorkbenchApp.CliClientId, ["scope"] = scope });
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PollAsync(HttpClient cli, JsonElement device) =>
        await PostAsync(cli, "/connect/token", new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code", ["client_id"] = WorkbenchApp.CliClientId,
            ["device_code"] = device.GetProperty("device_code").GetString()!,
        });

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient browser, JsonElement device, string handler)
    {
        var page = await browser.GetStringAsync($"/connect/verify?user_code={Uri.EscapeDataString(device.GetProperty("user_code").GetString()!)}");
        Assert.Contains("Workbench command line", page, StringComparison.Ordinal);
        return await DecideDeviceAsync(browser, device.GetProperty("user_code").GetString()!, handler);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeviceFlow_UserApprovesOnVerificationPage_CliGetsWorkingToken(DatabaseProvider provider)
    {
        await using var app = await WorkbenchApp.StartAsync(provider);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var cli = app.CreateHttpsClient();
        var device = await StartDeviceAsync(cli, "openid offline_access");

        var (pendingStatus, pending) = await PollAsync(cli, device);
        var browser = await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient());
        var approve = await DecideAsync(browser, device, "Approve");
        var (status, tokens) = await PollAsync(cli, device);

        Assert.Equal("https://localhost/connect/verify", device.GetProperty("verification_uri").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, pendingStatus);
        Assert.Equal("authorization_pending", pending.GetProperty("error").GetString());
        Assert.Equal("/Connect/Approved", approve.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        var me = await GetWithTokenAsync(cli, "/api/me", tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"userName\":\"sci\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceFlow_UserDenies_CliGetsAccessDenied()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var user = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var cli = app.CreateHttpsClient();
        var device = await StartDeviceAsync(cli, "openid");

        await DecideAsync(await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient()), device, "Deny");
        var (status, body) = await PollAsync(cli, device);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("access_denied", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task DeviceFlow_VerificationPageAnonymous_RedirectsToSignIn()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var cli = app.CreateHttpsClient();
        var device = await StartDeviceAsync(cli, "openid");

        var response = await app.CreateHttpsClient().GetAsync($"/connect/verify?user_code={device.GetProperty("user_code").GetString()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectToken_AfterRetentionEnd_StopsWorkingAndCannotBeRefreshed()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var adminClient = await app.SignInAsync(admin);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var created = await adminClient.PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id)) with { RetentionEnd = today.AddDays(1) }, Json);
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var cli = app.CreateHttpsClient();
        var device = await StartDeviceAsync(cli, $"openid offline_access project:{projectId}");
        await DecideAsync(await WorkbenchApp.SignInAsync(scientist, app.CreateHttpsClient()), device, "Approve");
        var (_, tokens) = await PollAsync(cli, device);
        var access = tokens.GetProperty("access_token").GetString()!;

        var during = await GetWithTokenAsync(cli, $"/api/projects/{projectId}/data", access);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var after = await GetWithTokenAsync(cli, "/api/me", access);
        var (refreshStatus, refresh) = await PostAsync(cli, "/connect/token", new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = WorkbenchApp.CliClientId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        });

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
        Assert.Equal("invalid_scope", refresh.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ProjectToken_NonMember_IsRefusedAtApproval()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin);
        var member = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var outsider = await app.CreateUserAsync("other", "CBS", WorkbenchRole.DataScientist);
        var created = await (await app.SignInAsync(admin)).PostAsJsonAsync("/api/projects", ProjectBuilder.Valid(ProjectBuilder.Scientist(member.Id)), Json);
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var cli = app.CreateHttpsClient();
        var device = await StartDeviceAsync(cli, $"openid project:{projectId}");

        var approve = await DecideAsync(await WorkbenchApp.SignInAsync(outsider, app.CreateHttpsClient()), device, "Approve");
        var (status, body) = await PollAsync(cli, device);

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Contains("not a member of that project", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("authorization_pending", body.GetProperty("error").GetString());
    }
}
