namespace Workbench.Server.Questions;

/// <summary>The members' scores on one criterion: mean, lowest, highest, and whether they disagree.</summary>
public sealed record CriterionSummary(double Mean, int Lowest, int Highest, bool Disagreement)
{
    public int Spread => Highest - Lowest;
}

/// <summary>What the scores of a closed round add up to (<see cref="Assessment.Summarise"/> gives null while no one has scored).</summary>
public sealed record AssessmentSummary(
    int Scores, CriterionSummary Feasibility, CriterionSummary DataAvailability, CriterionSummary PolicyRelevance, double Priority)
{
    /// <summary>Members disagree on at least one criterion.</summary>
    public bool Disagreement => Feasibility.Disagreement || DataAvailability.Disagreement || PolicyRelevance.Disagreement;
}

/// <summary>
/// The scores of a round and who may see them. Pure. Scores are sealed while the round is open: a member sees only
/// their own score and how many members have scored; once the round is closed (every member scored, or the chair
/// closed it) the steering group sees every score, the summary and where they disagree.
/// </summary>
public static class Assessment
{
    /// <summary>Whether the individual scores may be shown to the steering group.</summary>
    public static bool ScoresVisible(QuestionStatus status) =>
        status is not (QuestionStatus.Draft or QuestionStatus.Submitted or QuestionStatus.InAssessment);

    /// <summary>The scores this steering viewer may see now: all once the round closed, else only their own.</summary>
    public static IReadOnlyList<QuestionScore> VisibleTo(QuestionStatus status, IReadOnlyList<QuestionScore> scores, string viewerId)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return ScoresVisible(status) ? scores : [.. scores.Where(s => s.MemberId == viewerId)];
    }

    /// <summary>Whether every current steering member has scored (an empty group never completes a round by itself).</summary>
    public static bool AllScored(IReadOnlyCollection<string> memberIds, IReadOnlyList<QuestionScore> scores)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        ArgumentNullException.ThrowIfNull(scores);
        return memberIds.Count > 0 && memberIds.All(m => scores.Any(s => s.MemberId == m));
    }

    public static AssessmentSummary? Summarise(IReadOnlyList<QuestionScore> scores, PrioritisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        if (scores.Count == 0) return null;
        CriterionSummary Of(Func<QuestionScore, int> pick)
        {
            var values = scores.Select(pick).ToList();
            return new CriterionSummary(values.Average(), values.Min(), values.Max(), values.Max() - values.Min() >= options.DisagreementSpread);
        }
        var feasibility = Of(s => s.Feasibility);
        var data = Of(s => s.DataAvailability);
        var relevance = Of(s => s.PolicyRelevance);
        return new AssessmentSummary(scores.Count, feasibility, data, relevance, BacklogRanking.Priority(scores, options).Value);
    }
}
