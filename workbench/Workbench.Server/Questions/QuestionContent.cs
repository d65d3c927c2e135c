using Workbench.Server.Projects;

namespace Workbench.Server.Questions;

/// <summary>
/// What a requester asks, as one revision holds it: the question, the policy problem it serves (why information must
/// be shared to address it: the beleidsvisie), the areas (gemeente or wijk codes), the data it would need, the
/// proposed legal basis and the desired timing.
/// </summary>
public sealed record QuestionContent(
    string Title,
    string Question,
    string PolicyProblem,
    IReadOnlyList<string> Areas,
    IReadOnlyList<DatasetGrant> Datasets,
    string DataNotes,
    LegalBasis LegalBasis,
    string LegalBasisJustification,
    DateOnly? NeededBy)
{
    /// <summary>The same content with null lists and texts made empty and codes trimmed and upper-cased, as stored.</summary>
    public QuestionContent Normalised() => this with
    {
        Title = (Title ?? "").Trim(),
        Question = (Question ?? "").Trim(),
        PolicyProblem = (PolicyProblem ?? "").Trim(),
        Areas = [.. (Areas ?? []).Select(a => (a ?? "").Trim().ToUpperInvariant()).Where(a => a.Length > 0)],
        Datasets = [.. (Datasets ?? []).Select(g => g with { Columns = g.Columns ?? [] })],
        DataNotes = (DataNotes ?? "").Trim(),
        LegalBasisJustification = (LegalBasisJustification ?? "").Trim(),
    };
}

/// <summary>A steering member's scores (1 to 5 each) and the comment explaining them.</summary>
public sealed record ScoreRequest(int Feasibility, int DataAvailability, int PolicyRelevance, string Comment);

/// <summary>The chair's decision and the reason for it (required to reject: the requester sees it).</summary>
public sealed record DecisionRequest(QuestionDecision Decision, string? Reason);

/// <summary>A revision of a submitted question: why it changes, and the new content.</summary>
public sealed record RevisionRequest(string Reason, QuestionContent Question);

/// <summary>Why the chair closes the round before every member has scored.</summary>
public sealed record CloseRoundRequest(string? Reason);
