using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Outputs.OutputBuilder;

namespace Workbench.Server.Tests.Outputs;

/// <summary><c>/api/releases</c>: figures are public from their release date on, and before it only to their checkers and Admins.</summary>
public class ReleasesApiTests
{
    private static async Task<JsonElement[]> ReleasesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement[]>("/api/releases", Json))!;

    /// <summary>Releases an output and moves its release's date <paramref name="days"/> from the server's today
    /// (the clock stays put: sessions live on it).</summary>
    private static async Task<string> ReleasedWithDateAsync(Setup s, int days)
    {
        var output = await s.SubmitAsync(SafeTable, "Released table");
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(s.Checker1, Id(output), "approve", Hash(output))).StatusCode);
        var second = await VoteAsync(s.Checker2, Id(output), "approve", Hash(output));
        Assert.Equal("Released", (await second.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("status").GetString());
        var date = DateOnly.FromDateTime(s.App.Clock.GetUtcNow().UtcDateTime).AddDays(days);
        await OutputsApiTests.InDbAsync(s.App, db => db.Releases.ExecuteUpdateAsync(r => r.SetProperty(x => x.PeriodEnd, date)));
        return Id(output);
    }

    [Fact]
    public async Task Releases_BeforeTheReleaseDate_OnlyTheProjectsCheckersAndAdminsSeeTheFigures()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var id = await ReleasedWithDateAsync(s, days: 1);
        var steering = await s.App.SignInAsync(await s.App.CreateUserAsync("steer", "CBS", WorkbenchRole.SteeringMember));
        var elsewhere = await s.App.SignInAsync(await s.App.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker));
        var admin = await s.App.SignInAsync(await s.App.CreateUserAsync("admin2", "CBS", WorkbenchRole.Admin));

        Assert.Empty(await ReleasesAsync(s.Author));
        Assert.Empty(await ReleasesAsync(steering));
        Assert.Empty(await ReleasesAsync(elsewhere));
        var checker = Assert.Single(await ReleasesAsync(s.Checker1));
        Assert.False(checker.GetProperty("public").GetBoolean());
        Assert.Equal(id, Assert.Single(checker.GetProperty("outputs").EnumerateArray()).GetProperty("outputId").GetString());
        Assert.Single(await ReleasesAsync(admin));
    }

    [Fact]
    public async Task Releases_OnTheReleaseDate_EveryoneSeesThem()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        await ReleasedWithDateAsync(s, days: 0);
        var steering = await s.App.SignInAsync(await s.App.CreateUserAsync("steer", "CBS", WorkbenchRole.SteeringMember));

        var release = Assert.Single(await ReleasesAsync(steering));

        Assert.True(release.GetProperty("public").GetBoolean());
        var table = Assert.Single(release.GetProperty("outputs").EnumerateArray()).GetProperty("table");
        Assert.Equal(30, table.GetProperty("cells")[0].GetProperty("value").GetInt32()); // 31 rounded to base 10
        Assert.Single(await ReleasesAsync(s.Author));
    }
}
