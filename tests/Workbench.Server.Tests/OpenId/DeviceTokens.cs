using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.OpenId.OidcClient;

namespace Workbench.Server.Tests.OpenId;

/// <summary>Access tokens as the command line gets them: the device flow, approved by the user in the browser.</summary>
internal static class DeviceTokens
{
    /// <summary>Starts a device sign-in for <paramref name="scope"/>, approves it as <paramref name="user"/> and returns the access token.</summary>
    public static async Task<string> AccessTokenAsync(WorkbenchApp app, TestUser user, string scope)
    {
        var cli = app.CreateHttpsClient();
        var (started, device) = await PostAsync(cli, "/connect/device", new() { ["client_id"] = WorkbenchApp.CliClientId, ["scope"] = scope });
        Assert.Equal(HttpStatusCode.OK, started);
        var browser = await WorkbenchApp.SignInAsync(user, app.CreateHttpsClient());
        var approved = await DecideDeviceAsync(browser, device.GetProperty("user_code").GetString()!, "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var (status, tokens) = await PostAsync(cli, "/connect/token", new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code", ["client_id"] = WorkbenchApp.CliClientId,
            ["device_code"] = device.GetProperty("device_code").GetString()!,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return tokens.GetProperty("access_token").GetString()!;
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with the bearer token (and an empty JSON body for POST and PUT).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = JsonContent.Create(new { });
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
