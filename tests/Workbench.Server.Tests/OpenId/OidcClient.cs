using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.OpenId;

/// <summary>The client side of the flows, done by hand over HTTP as a notebook front-end or the CLI would.</summary>
internal static class OidcClient
{
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string scope, string? challenge) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = WorkbenchApp.NotebooksClientId, ["response_type"] = "code", ["redirect_uri"] = WorkbenchApp.NotebooksRedirectUri,
            ["scope"] = scope, ["state"] = "state-123", ["code_challenge"] = challenge, ["code_challenge_method"] = challenge is null ? null : "S256",
        });

    /// <summary>Follows same-site redirects (with the client's cookies) until one leaves for the client's redirect URI.</summary>
    public static async Task<Uri> FollowToCallbackAsync(HttpClient client, string path)
    {
        var location = new Uri(client.BaseAddress!, path);
        for (var hop = 0; hop < 10; hop++)
        {
            var response = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            location = new Uri(location, response.Headers.Location!);
            if (location.AbsoluteUri.StartsWith(WorkbenchApp.NotebooksRedirectUri, StringComparison.Ordinal)) return location;
            if (location.AbsolutePath.StartsWith("/Account/", StringComparison.Ordinal)) return location;
        }
        throw new InvalidOperationException("too many redirects");
    }

    public static string Query(Uri uri, string name) => QueryHelpers.ParseQuery(uri.Query)[name].ToString();

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, Dictionary<string, string> form)
    {
        var response = await client.PostAsync(path, new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public static Dictionary<string, string> WithNotebookSecret(Dictionary<string, string> form)
    {
        form["client_id"] = WorkbenchApp.NotebooksClientId;
        form["client_secret"] = WorkbenchApp.NotebooksClientSecret;
        return form;
    }

    public static async Task<HttpResponseMessage> GetWithTokenAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// The user (signed in on <paramref name="browser"/>) approves or denies (<paramref name="handler"/>: <c>Approve</c>
    /// or <c>Deny</c>) the device code <paramref name="userCode"/> on the verification page.
    /// </summary>
    public static async Task<HttpResponseMessage> DecideDeviceAsync(HttpClient browser, string userCode, string handler)
    {
        var page = await browser.GetStringAsync($"/connect/verify?user_code={Uri.EscapeDataString(userCode)}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync($"/connect/verify?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_code"] = userCode, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>
    /// An access token of the device flow for <paramref name="clientId"/> and <paramref name="scope"/> on the server at
    /// <paramref name="server"/>, approved by the user signed in on <paramref name="browser"/>.
    /// </summary>
    public static async Task<string> DeviceTokenAsync(Uri server, HttpClient browser, string clientId, string scope)
    {
        using var http = new HttpClient { BaseAddress = server };
        var (_, device) = await PostAsync(http, "/connect/device", new() { ["client_id"] = clientId, ["scope"] = scope });
        var decided = await DecideDeviceAsync(browser, device.GetProperty("user_code").GetString()!, "Approve");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var (status, token) = await PostAsync(http, "/connect/token", new()
        {
            ["client_id"] = clientId, ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["device_code"] = device.GetProperty("device_code").GetString()!,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return token.GetProperty("access_token").GetString()!;
    }

    /// <summary>The kernel token a kernel outside the workbench gets: <paramref name="accessToken"/> exchanged for the project.</summary>
    public static async Task<string> KernelTokenAsync(Uri server, string kernelClientId, string accessToken, string project)
    {
        using var http = new HttpClient { BaseAddress = server };
        var (status, kernel) = await PostAsync(http, "/connect/token", new()
        {
            ["client_id"] = kernelClientId, ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = accessToken, ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
            ["scope"] = $"project:{project}",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return kernel.GetProperty("access_token").GetString()!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
