using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OutputControl.Releases;
using Workbench.Audit;
using Workbench.Server.Tests.Infrastructure;
using static Workbench.Server.Tests.Outputs.OutputBuilder;

namespace Workbench.Server.Tests.Outputs;

/// <summary>Votes, the two-person rule, release with a receipt, and retraction, over HTTP.</summary>
public partial class OutputsApiTests
{
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_TwoCheckers_ReleasesOnceWithASignedReceiptForTheReviewedHash(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        var output = await s.SubmitAsync();
        var (id, hash) = (Id(output), Hash(output));

        var first = await ReadAsync(await VoteAsync(s.Checker1, id, "approve", hash));
        var second = await ReadAsync(await VoteAsync(s.Checker2, id, "approve", hash));

        Assert.Equal("PartiallyReviewed", first.GetProperty("status").GetString());
        Assert.Equal("Released", second.GetProperty("status").GetString());
        var receipt = await ReadAsync(await s.Author.GetAsync($"/api/outputs/{id}/receipt"));
        Assert.True(receipt.GetProperty("signatureValid").GetBoolean());
        var r = receipt.GetProperty("receipt").Deserialize<ReleaseReceipt>(Json)!;
        Assert.Equal(hash, r.ContentHash);
        Assert.Equal(new[] { s.Checker1User.Id, s.Checker2User.Id }.Order(StringComparer.Ordinal), [r.FirstApprover, r.SecondApprover]);
        Assert.Equal(RulesVersion.Current, r.RulesVersion);
        Assert.True(r.HasValidSignature(ReceiptKey.FromBase64(WorkbenchApp.ReceiptKeyBase64)));
        var quarter = CurrentPeriod(s.App);
        Assert.Equal(quarter.Version, r.ReleaseVersion);
        var stored = await InDbAsync(s.App, db => db.ReleasedOutputs.AsNoTracking().SingleAsync());
        Assert.Equal(hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stored.Content))));
        Assert.Equal(
            [AuditActions.OutputSubmitted, AuditActions.OutputReviewed, AuditActions.OutputReviewed, AuditActions.OutputReleased],
            (await AuditOfAsync(s.App, id)).Select(e => e.Action));

        var releases = await ReadAsync(await s.Checker1.GetAsync("/api/releases"));
        var release = Assert.Single(releases.EnumerateArray());
        Assert.Equal(quarter.Version, release.GetProperty("version").GetString());
        var table = Assert.Single(release.GetProperty("outputs").EnumerateArray()).GetProperty("table");
        var published = table.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("value")).Select(v => v.ValueKind == JsonValueKind.Null ? null : (decimal?)v.GetDecimal());
        Assert.Equal(new decimal?[] { null, null, 40, 70 }, published);
        Assert.DoesNotContain("units", table.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("reasons", table.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByTheAuthorWhoIsAChecker_Is403AndChangesNothing()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();

        var response = await VoteAsync(s.Author, Id(output), "approve", Hash(output));

        var problem = await ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("the author never reviews their own output", Detail(problem));
        Assert.Equal("Submitted", (await ReadAsync(await s.Author.GetAsync($"/api/outputs/{Id(output)}"))).GetProperty("status").GetString());
        // Nothing changed; the refusal itself is on the record.
        Assert.Equal([AuditActions.OutputSubmitted, AuditActions.OutputReviewRefused], (await AuditOfAsync(s.App, Id(output))).Select(e => e.Action));
    }

    [Fact]
    public async Task Approve_MfaNoLongerRecent_Is403_ReturnStillAllowed()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        s.App.Clock.Advance(TimeSpan.FromMinutes(16));

        var approve = await VoteAsync(s.Checker1, Id(output), "approve", Hash(output));
        var giveBack = await VoteAsync(s.Checker1, Id(output), "return", Hash(output), "Please merge A and B.");

        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal("PartiallyReviewed", (await ReadAsync(giveBack)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approve_HashOfAnEarlierVersion_Is409()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        await ReadAsync(await s.Author.PutAsJsonAsync($"/api/outputs/{Id(output)}", Body(SafeTable), Json));

        var response = await VoteAsync(s.Checker1, Id(output), "approve", Hash(output));

        Assert.Contains("the output changed since you opened it", Detail(await ReadAsync(response, HttpStatusCode.Conflict)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_AfterOneApproval_ResetsEveryVote()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        await ReadAsync(await VoteAsync(s.Checker1, Id(output), "approve", Hash(output)));

        var edited = await ReadAsync(await s.Author.PutAsJsonAsync($"/api/outputs/{Id(output)}", Body(SafeTable), Json));
        var afterSecond = await ReadAsync(await VoteAsync(s.Checker2, Id(output), "approve", Hash(edited)));

        Assert.Equal("Submitted", edited.GetProperty("status").GetString());
        Assert.Equal(2, edited.GetProperty("round").GetInt32());
        Assert.NotEqual(Hash(output), Hash(edited));
        Assert.Equal("Safe", edited.GetProperty("verdict").GetString());
        Assert.Equal("PartiallyReviewed", afterSecond.GetProperty("status").GetString()); // checker 1's approval was for other bytes
        Assert.Equal(0, await InDbAsync(s.App, db => db.ReleasedOutputs.CountAsync()));
    }

    [Fact]
    public async Task Reviews_HiddenFromTheOtherCheckerUntilBothAreIn_ThenConflictedIsVisible()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        await ReadAsync(await VoteAsync(s.Checker1, Id(output), "return", Hash(output), "Cell B looks derivable."));

        var seenByOther = await ReadAsync(await s.Checker2.GetAsync($"/api/outputs/{Id(output)}"));
        var seenByAuthor = await ReadAsync(await s.Author.GetAsync($"/api/outputs/{Id(output)}"));
        var seenByOwn = await ReadAsync(await s.Checker1.GetAsync($"/api/outputs/{Id(output)}"));
        var conflicted = await ReadAsync(await VoteAsync(s.Checker2, Id(output), "approve", Hash(output)));

        Assert.Empty(seenByOther.GetProperty("reviews").EnumerateArray());
        Assert.Empty(seenByAuthor.GetProperty("reviews").EnumerateArray());
        Assert.Equal("Cell B looks derivable.", Assert.Single(seenByOwn.GetProperty("reviews").EnumerateArray()).GetProperty("comment").GetString());
        Assert.Equal("Reviewed", conflicted.GetProperty("status").GetString());
        Assert.Equal("Conflicted", conflicted.GetProperty("decision").GetString());
        Assert.Equal(2, conflicted.GetProperty("reviews").GetArrayLength());
        var resolved = await ReadAsync(await VoteAsync(s.Checker1, Id(output), "approve", Hash(output)));
        Assert.Equal("Released", resolved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Withdraw_DuringReview_IsFinal()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        await ReadAsync(await VoteAsync(s.Checker1, Id(output), "approve", Hash(output)));

        var withdrawn = await ReadAsync(await s.Author.PostAsync($"/api/outputs/{Id(output)}/withdraw", null));
        var late = await VoteAsync(s.Checker2, Id(output), "approve", Hash(output));

        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("an output that is Withdrawn cannot be reviewed", Detail(await ReadAsync(late, HttpStatusCode.Forbidden)));
        Assert.Equal(0, await InDbAsync(s.App, db => db.ReleasedOutputs.CountAsync()));
    }

    [Fact]
    public async Task Withdraw_ByAChecker_Is403()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();

        var response = await s.Checker1.PostAsync($"/api/outputs/{Id(output)}/withdraw", null);

        Assert.Equal("only the author may withdraw an output", Detail(await ReadAsync(response, HttpStatusCode.Forbidden)));
    }

    [Fact]
    public async Task Return_ByBoth_ThenAuthorResubmits_NewRound()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        await ReadAsync(await VoteAsync(s.Checker1, Id(output), "return", Hash(output), "Merge A and B."));
        var returned = await ReadAsync(await VoteAsync(s.Checker2, Id(output), "return", Hash(output), "Agree: merge A and B."));

        var again = await ReadAsync(await s.Author.PostAsync($"/api/outputs/{Id(output)}/submit", null));

        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("Submitted", again.GetProperty("status").GetString());
        Assert.Equal(2, again.GetProperty("round").GetInt32());
        Assert.Equal(2, again.GetProperty("reviews").GetArrayLength()); // last round's comments stay readable
    }

    [Fact]
    public async Task Return_WithoutComment_Is400()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();

        var response = await VoteAsync(s.Checker1, Id(output), "return", Hash(output), " ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(await AuditOfAsync(s.App, Id(output)));
    }

    [Fact]
    public async Task Approve_BlockedOutput_Is403_RejectByBothIsFinal()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync(BlockedModel, "Regression on twelve observations");

        var approve = await VoteAsync(s.Checker1, Id(output), "approve", Hash(output));
        await ReadAsync(await VoteAsync(s.Checker1, Id(output), "reject", Hash(output), "Seven residual degrees of freedom."));
        var rejected = await ReadAsync(await VoteAsync(s.Checker2, Id(output), "reject", Hash(output), "Agreed."));

        Assert.Equal("Blocked", output.GetProperty("verdict").GetString());
        Assert.Contains("blocked", Detail(await ReadAsync(approve, HttpStatusCode.Forbidden)), StringComparison.Ordinal);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Retract_ReleasedOutput_IsANewAuditedEventAndTheFiguresLeaveTheDashboard()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();
        await ReadAsync(await VoteAsync(s.Checker1, Id(output), "approve", Hash(output)));
        await ReadAsync(await VoteAsync(s.Checker2, Id(output), "approve", Hash(output)));

        var retract = await s.Checker1.PostAsJsonAsync($"/api/outputs/{Id(output)}/retract", new { reason = "Municipality A was mislabelled." });
        var again = await s.Checker2.PostAsJsonAsync($"/api/outputs/{Id(output)}/retract", new { reason = "Municipality A was mislabelled." });

        await ReadAsync(retract);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // A checker of the project sees the release before its release date (the public only from that date).
        var shown = (await ReadAsync(await s.Checker1.GetAsync("/api/releases")))[0].GetProperty("outputs")[0];
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("table").ValueKind);
        Assert.Equal("Municipality A was mislabelled.", shown.GetProperty("retractionReason").GetString());
        Assert.Equal(AuditActions.OutputRetracted, (await AuditOfAsync(s.App, Id(output)))[^1].Action);
        var receipt = await ReadAsync(await s.Author.GetAsync($"/api/outputs/{Id(output)}/receipt"));
        Assert.True(receipt.GetProperty("signatureValid").GetBoolean()); // the release itself is unchanged
    }

    [Fact]
    public async Task Retract_NotReleased_Is403()
    {
        await using var s = await StartAsync(DatabaseProvider.Sqlite);
        var output = await s.SubmitAsync();

        var response = await s.Checker1.PostAsJsonAsync($"/api/outputs/{Id(output)}/retract", new { reason = "Municipality A was mislabelled." });

        Assert.Equal("an output that is Submitted cannot be retracted", Detail(await ReadAsync(response, HttpStatusCode.Forbidden)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_TwoCheckersAtTheSameMoment_ExactlyOneRelease(DatabaseProvider provider)
    {
        await using var s = await StartAsync(provider);
        const int Outputs = 4;
        var ids = new List<string>();
        for (var i = 0; i < Outputs; i++)
        {
            var output = await s.SubmitAsync(SafeTable, $"Output {i}");
            ids.Add(Id(output));
            using var start = new Barrier(2);
            var responses = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return VoteAsync(s.Checker1, Id(output), "approve", Hash(output)); }),
                Task.Run(() => { start.SignalAndWait(); return VoteAsync(s.Checker2, Id(output), "approve", Hash(output)); }));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }

        foreach (var id in ids)
        {
            var output = await ReadAsync(await s.Author.GetAsync($"/api/outputs/{id}"));
            Assert.Equal("Released", output.GetProperty("status").GetString());
            Assert.Single(await AuditOfAsync(s.App, id), e => e.Action == AuditActions.OutputReleased);
            Assert.Equal(2, (await AuditOfAsync(s.App, id)).Count(e => e.Action == AuditActions.OutputReviewed));
        }
        Assert.Equal(Outputs, await InDbAsync(s.App, db => db.ReleasedOutputs.CountAsync()));
        Assert.Equal(1, await InDbAsync(s.App, db => db.Releases.CountAsync()));
    }
}
