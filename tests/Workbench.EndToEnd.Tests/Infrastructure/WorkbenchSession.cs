using System.Net;
using System.Text.Json;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;

namespace Workbench.EndToEnd.Tests.Infrastructure;

/// <summary>What the end-to-end tests do on a running server as its users: sign in, get a kernel token.</summary>
internal static class WorkbenchSession
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>A browser-like client signed in as <paramref name="user"/> (cookies, no redirects followed).</summary>
    public static async Task<HttpClient> SignInAsync(WorkbenchApp app, TestUser user) =>
        await WorkbenchApp.SignInAsync(user, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = app.BaseAddress,
        });

    /// <summary>
    /// A kernel token for the user and project, the way the workbench gets one for a kernel it starts: device flow
    /// approved in the user's browser session, then the token exchange for the kernel client.
    /// </summary>
    public static async Task<string> KernelTokenAsync(WorkbenchApp app, HttpClient browser, string project)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var (_, device) = await OidcClient.PostAsync(http, "/connect/device", new()
        {
            ["client_id"] = WorkbenchApp.KernelClientId, ["scope"] = $"openid project:{project}",
        });
        await OidcClient.DecideDeviceAsync(browser, device.GetProperty("user_code").GetString()!, "Approve");
        var (status, user) = await OidcClient.PostAsync(http, "/connect/token", new()
        {
            ["client_id"] = WorkbenchApp.KernelClientId, ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["device_code"] = device.GetProperty("device_code").GetString()!,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var (exchanged, kernel) = await OidcClient.PostAsync(http, "/connect/token", new()
        {
            ["client_id"] = WorkbenchApp.KernelClientId, ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = user.GetProperty("access_token").GetString()!,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token", ["scope"] = $"project:{project}",
        });
        Assert.Equal(HttpStatusCode.OK, exchanged);
        return kernel.GetProperty("access_token").GetString()!;
    }

    /// <summary>Writes the token owner-only (the kernel refuses a token file others can read) and returns its path.</summary>
    public static async Task<string> WriteTokenFileAsync(string directory, string token)
    {
        var path = Path.Combine(directory, "kernel-token");
        await File.WriteAllTextAsync(path, token);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
