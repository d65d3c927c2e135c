using Workbench.Microdata.Geography;
using Workbench.Server.Errors;
using Workbench.Server.Projects;

namespace Workbench.Server.Questions;

/// <summary>
/// What a question must hold to be saved as a draft and to be submitted, what a score and a decision must hold, and
/// the project an accepted question drafts. Pure: no database, no web. Each check throws
/// <see cref="ValidationFailedException"/> naming every broken rule.
/// </summary>
public static class QuestionRules
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>A draft needs a title and the question itself; whatever else it already names must be valid.</summary>
    public static void CheckDraft(QuestionContent content, AreaRegister areas)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new Errors();
        CheckDraft(content.Normalised(), areas, errors);
        errors.ThrowIfAny();
    }

    /// <summary>A submitted question is complete: every field, at least one area and one dataset, timing after today.</summary>
    public static void CheckSubmission(QuestionContent content, AreaRegister areas, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        var c = content.Normalised();
        var errors = new Errors();
        CheckDraft(c, areas, errors);
        if (c.PolicyProblem.Length < 20) errors.Fail("policyProblem", "describe the policy problem and why information must be shared to address it, in at least 20 characters");
        if (c.Areas.Count == 0) errors.Fail("areas", "name at least one municipality (GMxxxx) or wijk (WKxxxxxx)");
        if (c.Datasets.Count == 0) errors.Fail("datasets", "name at least one dataset the question needs");
        if (c.LegalBasisJustification.Length < 20) errors.Fail("legalBasisJustification", "justify the proposed legal basis in at least 20 characters");
        if (c.NeededBy is not { } neededBy) errors.Fail("neededBy", "say by when the answer is needed");
        else if (neededBy <= today) errors.Fail("neededBy", $"the desired date must lie after today ({today:yyyy-MM-dd})");
        errors.ThrowIfAny();
    }

    public static void CheckScore(ScoreRequest score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var errors = new Errors();
        foreach (var (field, value) in new[] { ("feasibility", score.Feasibility), ("dataAvailability", score.DataAvailability), ("policyRelevance", score.PolicyRelevance) })
        {
            if (value is < MinScore or > MaxScore) errors.Fail(field, $"score {MinScore} to {MaxScore}, not {value}");
        }
        if (string.IsNullOrWhiteSpace(score.Comment)) errors.Fail("comment", "explain your scores in a comment");
        errors.ThrowIfAny();
    }

    public static void CheckDecision(DecisionRequest decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!Enum.IsDefined(decision.Decision))
        {
            throw ValidationFailedException.For("decision", $"unknown decision '{decision.Decision}': Accept, Park or Reject");
        }
        if (decision.Decision == QuestionDecision.Reject && (decision.Reason ?? "").Trim().Length < 10)
        {
            throw ValidationFailedException.For("reason", "give the requester the reason for rejecting, in at least 10 characters");
        }
    }

    /// <summary>
    /// The project an accepted question drafts: its purpose, legal basis and data pre-filled. An Admin completes the
    /// rest (members, retention, the weighing, a narrower allowlist) before it is created, under the project rules.
    /// </summary>
    public static ProjectRequest DraftProject(string questionId, QuestionContent content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        var c = content.Normalised();
        var purpose = $"{c.Question} (research question {questionId}; areas: {string.Join(", ", c.Areas)}). Policy problem: {c.PolicyProblem}";
        return new ProjectRequest(c.Title, purpose, c.LegalBasis, c.LegalBasisJustification, c.Datasets, [],
            today.AddYears(1), new Weighing("", "", ""));
    }

    private static void CheckDraft(QuestionContent c, AreaRegister areas, Errors errors)
    {
        ArgumentNullException.ThrowIfNull(areas);
        if (c.Title.Length == 0) errors.Fail("title", "give the question a short title");
        if (c.Title.Length > 200) errors.Fail("title", "keep the title under 200 characters");
        if (c.Question.Length == 0) errors.Fail("question", "the question is empty: write what you want to know");
        foreach (var code in c.Areas.Where(a => !areas.TryFind(a, out _)))
        {
            errors.Fail("areas", $"unknown area code '{code}': use a municipality (GM and 4 digits) or wijk (WK and 6 digits) code");
        }
        foreach (var duplicate in c.Areas.GroupBy(a => a).Where(g => g.Count() > 1))
        {
            errors.Fail("areas", $"area '{duplicate.Key}' is listed twice");
        }
        if (!Enum.IsDefined(c.LegalBasis)) errors.Fail("legalBasis", "choose one of the six GDPR Art. 6 grounds");
        if (c.Datasets.Count > 0) ProjectRules.CheckDatasets(c.Datasets, errors.Fail);
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public void Fail(string field, string error) => (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(error);

        public void ThrowIfAny()
        {
            if (_errors.Count > 0) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
