namespace Workbench.Server.Questions;

/// <summary>
/// A research question of an organisation, its status and the chair's decision. What it asks lives in
/// <see cref="QuestionRevision"/> rows; how it got where it is, in <see cref="QuestionStatusChange"/> rows.
/// </summary>
public sealed class ResearchQuestion
{
    /// <summary>Such as <c>Q-2026-001</c>.</summary>
    public required string Id { get; init; }

    public required string OrganisationId { get; init; }

    /// <summary>The requester who started it.</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public QuestionStatus Status { get; set; }

    /// <summary>The revision that is in force; a draft stays at revision 1 until it is submitted.</summary>
    public int CurrentRevision { get; set; }

    /// <summary>Goes up with every change, so that two changes made at once cannot both be saved.</summary>
    public int Version { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? RoundClosedAt { get; set; }

    public QuestionDecision? Decision { get; set; }

    /// <summary>The chair's reason; a rejected question's requester sees it.</summary>
    public string? DecisionReason { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The project created for it, once an Admin completed the draft.</summary>
    public string? ProjectId { get; set; }
}

/// <summary>
/// One revision of what a question asks. A draft's revision 1 is overwritten while it is a draft; once submitted, a
/// revision is never changed again and every change adds one, with the reason.
/// </summary>
public sealed class QuestionRevision
{
    public required string QuestionId { get; init; }

    public required int Revision { get; init; }

    public required QuestionContent Content { get; set; }

    public required string ChangedBy { get; set; }

    public required DateTimeOffset ChangedAt { get; set; }

    public required string Reason { get; init; }
}

/// <summary>One steering member's scores for a question: one per member, never changed.</summary>
public sealed class QuestionScore
{
    public required string QuestionId { get; init; }

    public required string MemberId { get; init; }

    /// <summary>The revision the member scored.</summary>
    public required int Revision { get; init; }

    public required int Feasibility { get; init; }

    public required int DataAvailability { get; init; }

    public required int PolicyRelevance { get; init; }

    public required string Comment { get; init; }

    public required DateTimeOffset ScoredAt { get; init; }
}

/// <summary>A step in a question's history: what status it went to, when, by whom and why.</summary>
public sealed class QuestionStatusChange
{
    public required string QuestionId { get; init; }

    /// <summary>1, 2, ... per question, in order.</summary>
    public required int Sequence { get; init; }

    /// <summary>Null for the first entry (the draft being started).</summary>
    public QuestionStatus? From { get; init; }

    public required QuestionStatus To { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>A user id, or <c>system</c>.</summary>
    public required string By { get; init; }

    /// <summary>The reason or reference, such as the project id.</summary>
    public string? Note { get; init; }

    /// <summary>The project output that made this step (output review, release, retraction); null for the others.</summary>
    public string? OutputId { get; init; }

    /// <summary>The dashboard release (such as <c>2026-Q4</c>) the output went into, for the release step.</summary>
    public string? ReleaseVersion { get; init; }
}
