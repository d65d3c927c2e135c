using Workbench.Microdata.Geography;
using Workbench.Server.Projects;
using Workbench.Server.Questions;

namespace Workbench.Server.Tests.Questions;

/// <summary>A complete question and scores, to change one thing at a time.</summary>
internal static class QuestionBuilder
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>The register of the default seed, which the test server uses too.</summary>
    public static readonly AreaRegister Areas = AreaRegister.ForSeed(1);

    public static QuestionContent Complete(string title = "Drug labs in vacant buildings") => new(
        title,
        "How often are dismantled drug labs found in vacant buildings, per wijk of Amsterdam?",
        "Inspections of vacant property need police and building records combined; neither shows both.",
        ["GM0363", "WK036301"],
        [new DatasetGrant("dismantlings", ["building_id", "kind"]), new DatasetGrant("buildings", ["building_id", "vacant"])],
        "Buildings only, no persons.",
        LegalBasis.PublicTask,
        "CBS Act art. 3: statistics in the public interest, asked by the municipality.",
        Today.AddMonths(6));

    /// <summary>Only what a draft needs.</summary>
    public static QuestionContent Draft(string title = "Cash-intensive companies") =>
        new(title, "Are cash-intensive companies over-represented near ports?", "", [], [], "", LegalBasis.PublicTask, "", null);

    public static ScoreRequest Score(int feasibility = 4, int data = 4, int relevance = 4) => new(feasibility, data, relevance, "reasoned comment");

    public static QuestionScore Scored(string member, int feasibility, int data, int relevance, string question = "Q-1") => new()
    {
        QuestionId = question, MemberId = member, Revision = 1, Feasibility = feasibility, DataAvailability = data,
        PolicyRelevance = relevance, Comment = "c", ScoredAt = DateTimeOffset.UnixEpoch,
    };
}
