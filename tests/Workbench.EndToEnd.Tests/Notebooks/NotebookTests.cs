using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutputControl.Results;
using OutputControl.Review;
using Workbench.Audit;
using Workbench.EndToEnd.Tests.Infrastructure;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;
using Xunit.Abstractions;

namespace Workbench.EndToEnd.Tests.Notebooks;

/// <summary>
/// The four dashboard notebooks of <c>notebooks/</c>, each executed headless (nbclient) in the sandboxed kernel against
/// a real server, in a project whose allowlist is the notebook's entry in <c>notebooks/projects.json</c>: no cell
/// fails, the notebook finds the signal the generator planted (PLANTED-SIGNALS.md), and its outputs are in the review
/// queue as the data scientist's, not blocked by the automatic check.
/// </summary>
public sealed class NotebookTests(NotebookStoreFixture store, ITestOutputHelper log) : IClassFixture<NotebookStoreFixture>
{
    private sealed record Run(ExecutedNotebook Notebook, WorkbenchApp App, TestUser Scientist, string Project);

    private async Task<Run> RunAsync(string notebook, Func<Run, Task> assert)
    {
        var settings = new Dictionary<string, string>(store.Settings) { ["OpenId:AllowHttpOnLoopback"] = "true" };
        await using var app = await WorkbenchApp.StartOnLoopbackAsync(DatabaseProvider.Sqlite, settings);
        var admin = await WorkbenchSession.SignInAsync(app, await app.CreateUserAsync("admin", "CBS", WorkbenchRole.Admin));
        var scientist = await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        var definition = NotebookProject.For(notebook);
        var project = await ProjectBuilder.CreateAsync(admin, definition.Request(scientist.Id));
        var directory = Directory.CreateTempSubdirectory("workbench-notebook-").FullName;
        // The sandbox's uid must be able to pass through to the work directory it mounts.
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        try
        {
            var token = await WorkbenchSession.WriteTokenFileAsync(directory, await app.IssueKernelCredentialAsync(scientist, project));
            var executed = await ExecutedNotebook.RunAsync(definition.NotebookPath, directory, app.BaseAddress, project, token);
            log.WriteLine($"{notebook}: executed in {executed.Elapsed.TotalSeconds:F1} s, {executed.Charts} chart(s); findings: " +
                string.Join(", ", executed.Findings.Select(f => $"{f.Key} = {f.Value}")));
            var run = new Run(executed, app, scientist, project);
            Assert.Empty(executed.Errors);
            Assert.Equal(0, executed.UnexecutedCells);
            Assert.True(executed.Charts >= 1, $"{notebook} showed no chart");
            await assert(run);
            return run;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The notebook's submissions are in the project's review queue: the user's, submitted, not blocked.</summary>
    private static async Task AssertInReviewQueueAsync(Run run, int expected)
    {
        await using var scope = run.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        var outputs = await db.OutputRequests.Where(o => o.ProjectId == run.Project).ToListAsync();
        Assert.Equal(expected, outputs.Count);
        Assert.Equal(outputs.Select(o => o.Id).Order(StringComparer.Ordinal), run.Notebook.SubmittedIds.Order(StringComparer.Ordinal));
        Assert.All(outputs, o =>
        {
            Assert.Equal(run.Scientist.Id, o.AuthorId);
            Assert.Equal(ReviewStatus.Submitted, o.Status);
            Assert.NotEqual(Verdict.Blocked, o.Verdict);
        });
    }

    [Fact]
    public Task DrugSites_Executed_FindsSiteCharacteristicsAndSubmitsThreeTables() =>
        RunAsync("01-drug-sites.ipynb", async run =>
        {
            var n = run.Notebook;
            // Planted: use ×10/×8 against dwellings, vacancy ×4, company/landlord owner ×2.5, rural buurt ×2.5.
            Assert.True(n.Finding("industry_or_other_vs_dwelling") > 5, n.Stdout);
            Assert.True(n.Finding("vacant_vs_in_use") > 3, n.Stdout);
            Assert.True(n.Finding("company_or_landlord_vs_other_owners") > 3, n.Stdout);
            Assert.True(n.Finding("rural_vs_urban_buurt") > 2, n.Stdout);
            Assert.True(n.Finding("model_auc") > 0.7, n.Stdout);
            Assert.True(n.Finding("share_of_sites_in_top5pct") > 0.3, n.Stdout);
            await AssertInReviewQueueAsync(run, 3);
        });

    [Fact]
    public Task YouthNetworks_Executed_FindsConvictedAndTroubledNetworksAndSubmitsTwoTables() =>
        RunAsync("02-youth-networks.ipynb", async run =>
        {
            var n = run.Notebook;
            // PLANTED-SIGNALS.md: ratio ≥ 1.5 for convicted members, ≥ 1.3 for drop-out/debt.
            Assert.True(n.Finding("convicted_share_ratio") >= 1.5, n.Stdout);
            Assert.True(n.Finding("dropout_share_ratio") >= 1.3, n.Stdout);
            Assert.True(n.Finding("debt_share_ratio") >= 1.3, n.Stdout);
            await AssertInReviewQueueAsync(run, 2);
        });

    [Fact]
    public Task SuspiciousTransactions_Executed_SeparatesThePlantedGroupsAndSubmitsTwoTables() =>
        RunAsync("03-suspicious-transactions.ipynb", async run =>
        {
            var n = run.Notebook;
            // PLANTED-SIGNALS.md: young < €5k, companies €10k-100k, 55+ > €100k.
            Assert.True(n.Finding("young_group_median_amount") < 5_000, n.Stdout);
            Assert.True(n.Finding("young_group_median_age") <= 25, n.Stdout);
            Assert.InRange(n.Finding("company_group_median_amount"), 10_000, 100_000);
            Assert.True(n.Finding("company_group_cash_branch_share") > 0.5, n.Stdout);
            Assert.True(n.Finding("elderly_group_median_amount") > 100_000, n.Stdout);
            await AssertInReviewQueueAsync(run, 2);
        });

    [Fact]
    public Task ConvictedCompanies_Executed_FindsCashBranchesAndConvictedOfficersAndSubmitsThreeTables() =>
        RunAsync("04-convicted-companies.ipynb", async run =>
        {
            var n = run.Notebook;
            // PLANTED-SIGNALS.md: cash-intensive ×2 (test threshold), convicted officer ×5 for two or more convictions.
            Assert.True(n.Finding("cash_branch_conviction_ratio") > 2, n.Stdout);
            Assert.True(n.Finding("repeat_share_ratio_convicted_officer") > 5, n.Stdout);
            Assert.True(n.Finding("officer_convicted_weight") > 0, n.Stdout);
            Assert.True(n.Finding("repeat_model_auc") > 0.6, n.Stdout);
            await AssertInReviewQueueAsync(run, 3);
        });
}
