using System.Globalization;

namespace Workbench.Server.Questions;

/// <summary>
/// How the backlog ranks assessed questions (section <c>Prioritisation</c>): the weights of the three criteria in the
/// priority, a weighted mean of the members' mean scores, and the spread at which members are said to disagree.
/// </summary>
public sealed class PrioritisationOptions
{
    public const string Section = "Prioritisation";

    public int FeasibilityWeight { get; set; } = 1;

    public int DataAvailabilityWeight { get; set; } = 1;

    public int PolicyRelevanceWeight { get; set; } = 2;

    /// <summary>Members disagree on a criterion when their highest and lowest score lie at least this far apart.</summary>
    public int DisagreementSpread { get; set; } = 2;

    public int TotalWeight => FeasibilityWeight + DataAvailabilityWeight + PolicyRelevanceWeight;

    /// <summary>Weights 0 to 10, not all zero; a spread of 1 to 4 (scores run from 1 to 5).</summary>
    public static bool IsValid(PrioritisationOptions o) =>
        o is not null && new[] { o.FeasibilityWeight, o.DataAvailabilityWeight, o.PolicyRelevanceWeight }.All(w => w is >= 0 and <= 10)
        && o.TotalWeight > 0 && o.DisagreementSpread is >= 1 and <= QuestionRules.MaxScore - QuestionRules.MinScore;

    /// <summary>The formula as the backlog page and the API show it.</summary>
    public string Formula => string.Create(CultureInfo.InvariantCulture,
        $"priority = ({FeasibilityWeight} × feasibility + {DataAvailabilityWeight} × data availability + {PolicyRelevanceWeight} × policy relevance) ÷ {TotalWeight}, each the mean of the members' scores from {QuestionRules.MinScore} to {QuestionRules.MaxScore}");

    /// <summary>The tie-breaks, in the order they are applied.</summary>
    public static IReadOnlyList<string> TieBreaks { get; } =
    [
        "higher mean policy relevance",
        "higher mean feasibility",
        "submitted earlier",
        "lower question id",
    ];
}
