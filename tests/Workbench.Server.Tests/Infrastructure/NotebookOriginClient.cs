using System.Net;

namespace Workbench.Server.Tests.Infrastructure;

/// <summary>Opens a project's notebooks as a browser does: Open on the Notebooks page, then the ticket on the notebook origin.</summary>
internal static class NotebookOriginClient
{
    /// <summary>A client on the notebook origin holding that origin's cookie, and its cookies (for WebSockets).</summary>
    public static async Task<(HttpClient Client, CookieContainer Cookies)> OpenAsync(HttpClient workbench, string project)
    {
        var opened = await WorkbenchApp.PostFormAsync(workbench, "/Notebooks?handler=Open", new() { ["project"] = project });
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, $"Open answered {(int)opened.StatusCode}: {await opened.Content.ReadAsStringAsync()}");
        var url = new Uri(workbench.BaseAddress!, opened.Headers.Location!);
        Assert.NotEqual(workbench.BaseAddress!.GetLeftPart(UriPartial.Authority), url.GetLeftPart(UriPartial.Authority));
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = new Uri(url.GetLeftPart(UriPartial.Authority)),
        };
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await client.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                Assert.True(response.IsSuccessStatusCode, $"opening {url} answered {(int)response.StatusCode}");
                return (client, cookies);
            }
            url = new Uri(url, response.Headers.Location!);
        }
        throw new InvalidOperationException($"too many redirects opening {url}");
    }
}
