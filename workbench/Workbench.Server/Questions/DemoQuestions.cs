using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Questions;

/// <summary>
/// A few research questions for the demo (Development only, like the demo users), made through
/// <see cref="QuestionChanges"/> as the demo requester, steering member and chair, so they are audited like any
/// other: one assessed and waiting in the backlog, one with its round still open, one draft.
/// </summary>
public static class DemoQuestions
{
    public static async Task SeedDemoQuestionsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment()) return;
        await using var scope = app.Services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider, CancellationToken.None);
    }

    /// <summary>Seeds once: nothing happens when any question exists or a demo user (requester, steering, chair) is missing.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<WorkbenchDbContext>();
        if (await db.Questions.AnyAsync(ct)) return;
        var users = services.GetRequiredService<UserManager<WorkbenchUser>>();
        var principals = services.GetRequiredService<IUserClaimsPrincipalFactory<WorkbenchUser>>();
        async Task<System.Security.Claims.ClaimsPrincipal?> As(string name) =>
            await users.FindByNameAsync(name) is { } user ? await principals.CreateAsync(user) : null;
        if (await As("requester") is not { } requester || await As("steering") is not { } steering || await As("chair") is not { } chair) return;

        var changes = services.GetRequiredService<QuestionChanges>();
        var time = services.GetRequiredService<TimeProvider>();
        var neededBy = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddMonths(6);

        var labs = await changes.CreateDraftAsync(new QuestionContent(
            "Drug labs in vacant buildings",
            "How often are dismantled drug labs found in vacant buildings, per wijk of Amsterdam, compared with occupied ones?",
            "The municipality decides where to inspect vacant property; police and BAG records must be combined because neither alone shows vacancy and labs together.",
            ["GM0363"], [new DatasetGrant("dismantlings", ["building_id", "dismantled_month", "kind"]), new DatasetGrant("buildings", ["building_id", "vacant", "buurt_code"])],
            "Only buildings, no persons.", LegalBasis.PublicTask, "CBS Act art. 3: statistics in the public interest, on request of the municipality.", neededBy), requester, ct);
        await changes.SubmitAsync(labs.Id, requester, ct);
        await changes.ScoreAsync(labs.Id, new ScoreRequest(4, 5, 4, "Both datasets are delivered monthly; the linkage is direct."), steering, ct);
        await changes.ScoreAsync(labs.Id, new ScoreRequest(4, 3, 5, "Vacancy data are patchy outside the centre; high policy value."), chair, ct);

        var youth = await changes.CreateDraftAsync(new QuestionContent(
            "Risk factors in the networks of young suspects",
            "Which risk factors occur more often in the family and school networks of young drug suspects in Amsterdam Centrum than in those of comparable youths?",
            "Prevention programmes for youths drawn into drug crime need to know which factors to address; this needs police, school and family data linked.",
            ["GM0363", "WK036301"], [new DatasetGrant("suspects", ["person_id", "offence_month", "offence"]), new DatasetGrant("persons", ["person_id", "birth_year", "sex", "buurt_code"])],
            "", LegalBasis.PublicTask, "CBS Act art. 3; the aggregated results support the municipality's prevention task.", neededBy.AddMonths(3)), requester, ct);
        await changes.SubmitAsync(youth.Id, requester, ct);
        await changes.ScoreAsync(youth.Id, new ScoreRequest(3, 4, 5, "Feasible with the network layers; matching needs care."), steering, ct);

        await changes.CreateDraftAsync(new QuestionContent(
            "Cash-intensive companies near ports", "Are cash-intensive companies over-represented near the port of Rotterdam?",
            "", [], [], "", LegalBasis.PublicTask, "", null), requester, ct);
    }
}
