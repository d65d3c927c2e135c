namespace Workbench.Server.Questions;

/// <summary>An exact fraction, so that equal priorities compare equal and a tie is a tie, not a rounding accident.</summary>
public readonly record struct Fraction(long Numerator, long Denominator) : IComparable<Fraction>
{
    public double Value => (double)Numerator / Denominator;

    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;
    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;
}

/// <summary>A question waiting in the backlog with the scores of its closed round.</summary>
public sealed record BacklogItem(string QuestionId, string Title, QuestionStatus Status, DateTimeOffset SubmittedAt, IReadOnlyList<QuestionScore> Scores);

/// <summary>A ranked question: its place, priority, and the tie-break that put it below the one before, if any.</summary>
public sealed record RankedQuestion(int Rank, BacklogItem Item, double Priority, AssessmentSummary Summary, string? TieBrokenBy);

/// <summary>
/// Ranks the backlog. Pure. Priority is <see cref="PrioritisationOptions.Formula"/>; equal priorities are ordered by
/// <see cref="PrioritisationOptions.TieBreaks"/>, in that order, and the ranking says which one decided.
/// </summary>
public static class BacklogRanking
{
    /// <summary>The weighted mean of the members' mean scores, exactly.</summary>
    public static Fraction Priority(IReadOnlyList<QuestionScore> scores, PrioritisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        var sum = scores.Sum(s => (long)options.FeasibilityWeight * s.Feasibility + (long)options.DataAvailabilityWeight * s.DataAvailability
                                  + (long)options.PolicyRelevanceWeight * s.PolicyRelevance);
        return new Fraction(sum, (long)Math.Max(1, scores.Count) * options.TotalWeight);
    }

    public static IReadOnlyList<RankedQuestion> Rank(IEnumerable<BacklogItem> items, PrioritisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var keyed = items.Where(i => i.Scores.Count > 0).Select(i => new Keyed(i, Priority(i.Scores, options), Mean(i.Scores, s => s.PolicyRelevance), Mean(i.Scores, s => s.Feasibility))).ToList();
        keyed.Sort(Compare);
        var ranked = new List<RankedQuestion>(keyed.Count);
        for (var i = 0; i < keyed.Count; i++)
        {
            var tieBreak = i == 0 ? null : DecidingTieBreak(keyed[i - 1], keyed[i]);
            ranked.Add(new RankedQuestion(i + 1, keyed[i].Item, keyed[i].Priority.Value, Assessment.Summarise(keyed[i].Item.Scores, options)!, tieBreak));
        }
        return ranked;
    }

    private static int Compare(Keyed a, Keyed b)
    {
        var order = b.Priority.CompareTo(a.Priority);
        if (order != 0) return order;
        order = b.PolicyRelevance.CompareTo(a.PolicyRelevance);
        if (order != 0) return order;
        order = b.Feasibility.CompareTo(a.Feasibility);
        if (order != 0) return order;
        order = a.Item.SubmittedAt.CompareTo(b.Item.SubmittedAt);
        return order != 0 ? order : string.CompareOrdinal(a.Item.QuestionId, b.Item.QuestionId);
    }

    /// <summary>Which tie-break ordered two neighbours of equal priority; null when their priorities differ.</summary>
    private static string? DecidingTieBreak(Keyed above, Keyed below)
    {
        if (above.Priority.CompareTo(below.Priority) != 0) return null;
        var breaks = PrioritisationOptions.TieBreaks;
        if (above.PolicyRelevance.CompareTo(below.PolicyRelevance) != 0) return breaks[0];
        if (above.Feasibility.CompareTo(below.Feasibility) != 0) return breaks[1];
        return above.Item.SubmittedAt != below.Item.SubmittedAt ? breaks[2] : breaks[3];
    }

    private static Fraction Mean(IReadOnlyList<QuestionScore> scores, Func<QuestionScore, int> pick) => new(scores.Sum(s => (long)pick(s)), scores.Count);

    private sealed record Keyed(BacklogItem Item, Fraction Priority, Fraction PolicyRelevance, Fraction Feasibility);
}
