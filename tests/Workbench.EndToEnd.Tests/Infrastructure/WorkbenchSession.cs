using System.Net;
using System.Text.Json;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.OpenId;

namespace Workbench.EndToEnd.Tests.Infrastructure;

/// <summary>What the end-to-end tests do on a running server as its users: sign in, hand a kernel its credential.</summary>
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

    /// <summary>Writes the token owner-only (the kernel refuses a token file others can read) and returns its path.</summary>
    public static async Task<string> WriteTokenFileAsync(string directory, string token)
    {
        var path = Path.Combine(directory, "kernel-token");
        await File.WriteAllTextAsync(path, token);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
