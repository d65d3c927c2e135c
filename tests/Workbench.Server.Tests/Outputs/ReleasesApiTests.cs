using System.Net.Http.Json;
using System.Text.Json;
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

    [Fact]
    public async Task Releases_BeforeTheReleaseDate_OnlyTheProjectsCheckersAndAdminsSeeTheFigures()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        // Approve on the first day of a period, so that its release date is months away whatever today is.
        var next = CurrentPeriod(s.App).Last.AddDays(1);
        s.App.Clock.SetUtcNow(new DateTimeOffset(next.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var checker1 = await s.App.SignInAsync(s.Checker1User);
        var output = await s.SubmitAsync(SafeTable, "Released table");
        await VoteAsync(checker1, Id(output), "approve", Hash(output));
        await VoteAsync(await s.App.SignInAsync(s.Checker2User), Id(output), "approve", Hash(output));
        var steering = await s.App.SignInAsync(await s.App.CreateUserAsync("steer", "CBS", WorkbenchRole.SteeringMember));
        var elsewhere = await s.App.SignInAsync(await s.App.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker));
        var admin = await s.App.SignInAsync(await s.App.CreateUserAsync("admin2", "CBS", WorkbenchRole.Admin));

        Assert.Empty(await ReleasesAsync(s.Author));
        Assert.Empty(await ReleasesAsync(steering));
        Assert.Empty(await ReleasesAsync(elsewhere));
        var checker = Assert.Single(await ReleasesAsync(checker1));
        Assert.False(checker.GetProperty("public").GetBoolean());
        Assert.Equal(Id(output), Assert.Single(checker.GetProperty("outputs").EnumerateArray()).GetProperty("outputId").GetString());
        Assert.Single(await ReleasesAsync(admin));
    }

    [Fact]
    public async Task Releases_OnTheReleaseDate_EveryoneSeesThem()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync(SafeTable, "Released table");
        await VoteAsync(s.Checker1, Id(output), "approve", Hash(output));
        await VoteAsync(s.Checker2, Id(output), "approve", Hash(output));
        var steering = await s.App.SignInAsync(await s.App.CreateUserAsync("steer", "CBS", WorkbenchRole.SteeringMember));

        AdvanceToReleaseDate(s.App);

        var release = Assert.Single(await ReleasesAsync(steering));
        Assert.True(release.GetProperty("public").GetBoolean());
        var table = Assert.Single(release.GetProperty("outputs").EnumerateArray()).GetProperty("table");
        Assert.Equal(30, table.GetProperty("cells")[0].GetProperty("value").GetInt32()); // 31 rounded to base 10
        Assert.Single(await ReleasesAsync(s.Author));
    }
}
