using System.Net;
using System.Text.RegularExpressions;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Identity;

/// <summary>The enrolment page's "Continue" link follows only a return URL inside Workbench.</summary>
public partial class EnrolMfaReturnUrlTests
{
    private static async Task<string> EnrolAsync(WorkbenchApp app, string userName, string returnUrl)
    {
        await app.CreateUserAsync(userName, "CBS", enrolled: false, WorkbenchRole.DataScientist);
        var client = app.CreateBrowserlessClient();
        await WorkbenchApp.PostFormAsync(client, "/Account/SignIn", new() { ["UserName"] = userName, ["Password"] = WorkbenchApp.Password });
        var path = $"/Account/EnrolMfa?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetStringAsync(path);
        var key = ManualKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var enrolled = await WorkbenchApp.PostFormAsync(client, path, new() { ["Code"] = Totp.Now(key), ["ReturnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        return await enrolled.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task EnrolMfa_ForeignOrScriptReturnUrl_ContinuesToTheStartPage_LocalOneIsKept()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        string[] hostile = ["//evil.example", "https://evil.example", "javascript:alert(1)", "/\\evil", "/\\/evil.example"];

        var links = new Dictionary<string, string>();
        for (var i = 0; i < hostile.Length; i++)
        {
            links[hostile[i]] = Continue().Match(await EnrolAsync(app, $"new{i}", hostile[i])).Groups[1].Value;
        }
        var local = Continue().Match(await EnrolAsync(app, "local", "/Projects?tab=mine")).Groups[1].Value;

        Assert.All(links, link => Assert.True(link.Value == "/", $"{link.Key} became a link to '{link.Value}'"));
        Assert.Equal("/Projects?tab=mine", System.Net.WebUtility.HtmlDecode(local));
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex ManualKey();

    [GeneratedRegex("<a id=\"continue\" href=\"([^\"]*)\"")]
    private static partial Regex Continue();
}
