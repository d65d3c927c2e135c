namespace Workbench.Server.Questions;

/// <summary>A question in a list: where it stands and since when.</summary>
public sealed record QuestionSummary(
    string Id, string Title, string Organisation, QuestionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    DateTimeOffset LastChangedAt, string? ProjectId);

/// <summary>One score as the steering group sees it once the round is closed (or a member sees their own).</summary>
public sealed record ScoreView(
    string Member, int Revision, int Feasibility, int DataAvailability, int PolicyRelevance, string Comment, DateTimeOffset ScoredAt);

/// <summary>
/// The assessment as a steering viewer may see it: while the round is open only how many have scored and the viewer's
/// own score; after it, every score, the summary and the disagreement.
/// </summary>
public sealed record AssessmentView(
    bool ScoresVisible, int Scored, int Members, bool YouScored, bool YouMayScore, IReadOnlyList<ScoreView> Scores, AssessmentSummary? Summary);

/// <summary>
/// A step of the status history. <see cref="OutputId"/> and <see cref="ReleaseVersion"/> are set on the output steps;
/// <see cref="MaySeeOutput"/> says whether the viewer may open the output itself (its author or an output checker);
/// the release is public on the dashboard.
/// </summary>
public sealed record StatusChangeView(
    QuestionStatus? From, QuestionStatus To, DateTimeOffset At, string By, string? Note, string? OutputId = null, string? ReleaseVersion = null,
    bool MaySeeOutput = false);

/// <summary>A revision of what the question asks.</summary>
public sealed record RevisionView(int Revision, QuestionContent Content, string ChangedBy, DateTimeOffset ChangedAt, string Reason);

/// <summary>
/// Everything the viewer may see of a question. <see cref="Assessment"/> is for the steering group only (null for
/// others); the decision and its reason are shown to everyone who sees the question, the requester included.
/// </summary>
public sealed record QuestionDetails(
    string Id, string Organisation, string CreatedBy, QuestionStatus Status, int Revision, QuestionContent Content,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? RoundClosedAt,
    QuestionDecision? Decision, string? DecisionReason, DateTimeOffset? DecidedAt, string? ProjectId,
    IReadOnlyList<StatusChangeView> History, IReadOnlyList<RevisionView> Revisions, AssessmentView? Assessment)
{
    /// <summary>The dashboard release the question's answer is in now: the latest release step, unless it was retracted since.</summary>
    public string? ReleasedIn => Status == QuestionStatus.Released ? History.LastOrDefault(h => h.To == QuestionStatus.Released)?.ReleaseVersion : null;
}

/// <summary>A question whose round is still open, with how far the scoring is.</summary>
public sealed record OpenRound(string Id, string Title, DateTimeOffset SubmittedAt, int Scored, int Members, bool YouScored);

/// <summary>The ranked backlog, the formula and tie-breaks that ranked it, and the rounds still open.</summary>
public sealed record Backlog(string Formula, IReadOnlyList<string> TieBreaks, int DisagreementSpread, IReadOnlyList<BacklogEntry> Ranked, IReadOnlyList<OpenRound> OpenRounds);

/// <summary>A ranked question of the backlog.</summary>
public sealed record BacklogEntry(
    int Rank, string Id, string Title, QuestionStatus Status, double Priority, AssessmentSummary Summary, string? TieBrokenBy, DateTimeOffset SubmittedAt);
