using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Outputs.OutputBuilder;

namespace Workbench.Server.Tests.Outputs;

/// <summary>The checker and dashboard pages over HTTP: step-up before approving, and only released content in public.</summary>
public class OutputPagesTests
{
    [Fact]
    public async Task ApprovePage_MfaNoLongerRecent_SendsToStepUp()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var id = Id(await s.SubmitAsync());
        s.App.Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await s.Checker1.GetAsync($"/Outputs/Approve/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/StepUp?ReturnUrl={Uri.EscapeDataString($"/Outputs/Approve/{id}")}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ApprovePage_NotAChecker_IsDenied()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var id = Id(await s.SubmitAsync());
        var steering = await s.App.SignInAsync(await s.App.CreateUserAsync("steer", "CBS", WorkbenchRole.SteeringMember));

        var response = await steering.GetAsync($"/Outputs/Approve/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailsPage_AssignedChecker_ShowsTheAppliedPolicy_UnassignedChecker_Is404()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var id = Id(await s.SubmitAsync(OutputBuilder.ProtectedTable.Replace("""{ "minUnits": 10 }""", """{ "minUnits": 25 }""", StringComparison.Ordinal)));
        var elsewhere = await s.App.SignInAsync(await s.App.CreateUserAsync("olga", "CBS", WorkbenchRole.OutputChecker));

        var page = await s.Checker1.GetStringAsync($"/Outputs/Details/{id}");

        Assert.Contains("<dd id=\"policy\">minUnits 10, rounding base 10 (awayFromZero), dominance (n,k) (2,85), p% 10,", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/Outputs/Details/{id}")).StatusCode);
    }

    [Fact]
    public async Task DetailsPage_NeitherAuthorNorChecker_Is404()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var id = Id(await s.SubmitAsync());
        var steering = await s.App.SignInAsync(await s.App.CreateUserAsync("steer", "CBS", WorkbenchRole.SteeringMember));

        Assert.Equal(HttpStatusCode.NotFound, (await steering.GetAsync($"/Outputs/Details/{id}")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_Anonymous_ShowsReleasedOutputsOnly()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var released = await s.SubmitAsync(SafeTable, "Released table");
        await VoteAsync(s.Checker1, Id(released), "approve", Hash(released));
        await VoteAsync(s.Checker2, Id(released), "approve", Hash(released));
        var pending = await s.SubmitAsync(SafeTable, "Pending table");
        await VoteAsync(s.Checker1, Id(pending), "approve", Hash(pending));
        AdvanceToReleaseDate(s.App);

        var page = await s.App.CreateBrowserlessClient().GetStringAsync("/Dashboard");

        Assert.Contains("Released table", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pending table", page, StringComparison.Ordinal);
        Assert.Contains("<td>30</td>", page, StringComparison.Ordinal); // 31 rounded to base 10
        Assert.DoesNotContain("<td>31</td>", page, StringComparison.Ordinal); // never the raw value
        Assert.Contains("<td>80</td>", page, StringComparison.Ordinal); // the total 76, rounded
    }

    [Fact]
    public async Task ReleasesAsync_PublicOn_ListsAReleaseFromItsReleaseDateOnly()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var released = await s.SubmitAsync(SafeTable, "Released table");
        await VoteAsync(s.Checker1, Id(released), "approve", Hash(released));
        await VoteAsync(s.Checker2, Id(released), "approve", Hash(released));
        var period = CurrentPeriod(s.App);

        await using var scope = s.App.Services.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<Workbench.Server.Outputs.ReleaseLookup>();
        var dayBefore = await lookup.ReleasesAsync(CancellationToken.None, publicOn: period.Last.AddDays(-1));
        var onTheDay = await lookup.ReleasesAsync(CancellationToken.None, publicOn: period.Last);

        Assert.Empty(dayBefore);
        Assert.Equal(period.Version, Assert.Single(onTheDay).Version);
        Assert.Equal("Released table", Assert.Single(onTheDay[0].Outputs).Title);
    }

    [Fact]
    public async Task Dashboard_UnknownRelease_Is404()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var released = await s.SubmitAsync(SafeTable, "Released table");
        await VoteAsync(s.Checker1, Id(released), "approve", Hash(released));
        await VoteAsync(s.Checker2, Id(released), "approve", Hash(released));

        var response = await s.App.CreateBrowserlessClient().GetAsync("/Dashboard?release=1999-Q1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_SecondRelease_ComparesWithThePreviousOne()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var first = await s.SubmitAsync(SafeTable, "Labs per municipality");
        await VoteAsync(s.Checker1, Id(first), "approve", Hash(first));
        await VoteAsync(s.Checker2, Id(first), "approve", Hash(first));
        var firstQuarter = CurrentPeriod(s.App).Version;
        s.App.Clock.Advance(TimeSpan.FromDays(95)); // the next quarter; approving needs a fresh sign-in again
        var (checker1, checker2) = (await s.App.SignInAsync(s.Checker1User), await s.App.SignInAsync(s.Checker2User));
        var author = await s.App.SignInAsync(s.Scientist);
        var body = Body(SafeTable.Replace("\"value\": 45, \"units\": 45", "\"value\": 64, \"units\": 64", StringComparison.Ordinal)
            .Replace("\"value\": 76, \"units\": 76", "\"value\": 95, \"units\": 95", StringComparison.Ordinal), "Labs per municipality");
        var second = await (await author.PostAsJsonAsync($"/api/projects/{s.Project}/outputs", body, Json)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Json);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(checker1, Id(second), "approve", Hash(second))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(checker2, Id(second), "approve", Hash(second))).StatusCode);
        AdvanceToReleaseDate(s.App);

        var page = await s.App.CreateBrowserlessClient().GetStringAsync("/Dashboard");

        Assert.Contains($"Compared with release {firstQuarter}", page, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"col\">In {firstQuarter}</th>", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>B</td>\s*<td>60</td>\s*<td>50</td>", page); // B: 64 now, 45 before, both rounded
    }
}
