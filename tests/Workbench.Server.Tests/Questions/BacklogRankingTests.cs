using Workbench.Server.Questions;
using static Workbench.Server.Tests.Questions.QuestionBuilder;

namespace Workbench.Server.Tests.Questions;

public class BacklogRankingTests
{
    private static readonly PrioritisationOptions Defaults = new();

    private static BacklogItem Item(string id, int day, params QuestionScore[] scores) =>
        new(id, id, QuestionStatus.Assessed, DateTimeOffset.UnixEpoch.AddDays(day), [.. scores.Select(s => new QuestionScore
        {
            QuestionId = id, MemberId = s.MemberId, Revision = 1, Feasibility = s.Feasibility, DataAvailability = s.DataAvailability,
            PolicyRelevance = s.PolicyRelevance, Comment = s.Comment, ScoredAt = s.ScoredAt,
        })]);

    [Fact]
    public void Priority_DefaultWeights_IsWeightedMeanOfMemberMeans()
    {
        // (1 × 4 + 1 × 2 + 2 × 5 + 1 × 2 + 1 × 4 + 2 × 3) / (2 members × 4) = 28 / 8
        var priority = BacklogRanking.Priority([Scored("a", 4, 2, 5), Scored("b", 2, 4, 3)], Defaults);
        Assert.Equal(3.5, priority.Value);
    }

    [Fact]
    public void Rank_HigherPriorityFirst_NoTieBreakNamed()
    {
        var ranked = BacklogRanking.Rank([Item("Q-1", 1, Scored("a", 2, 2, 2)), Item("Q-2", 2, Scored("a", 5, 5, 5))], Defaults);
        Assert.Equal(["Q-2", "Q-1"], ranked.Select(r => r.Item.QuestionId));
        Assert.Equal([1, 2], ranked.Select(r => r.Rank));
        Assert.All(ranked, r => Assert.Null(r.TieBrokenBy));
    }

    [Fact]
    public void Rank_EqualPriority_HigherPolicyRelevanceFirst()
    {
        // Both have priority 3: (4 + 4 + 2 × 2) / 4 and (2 + 2 + 2 × 4) / 4.
        var ranked = BacklogRanking.Rank([Item("Q-1", 1, Scored("a", 4, 4, 2)), Item("Q-2", 2, Scored("a", 2, 2, 4))], Defaults);
        Assert.Equal(["Q-2", "Q-1"], ranked.Select(r => r.Item.QuestionId));
        Assert.Equal("higher mean policy relevance", ranked[1].TieBrokenBy);
    }

    [Fact]
    public void Rank_EqualPriorityAndRelevance_HigherFeasibilityFirst()
    {
        var ranked = BacklogRanking.Rank([Item("Q-1", 1, Scored("a", 2, 4, 3)), Item("Q-2", 2, Scored("a", 4, 2, 3))], Defaults);
        Assert.Equal(["Q-2", "Q-1"], ranked.Select(r => r.Item.QuestionId));
        Assert.Equal("higher mean feasibility", ranked[1].TieBrokenBy);
    }

    [Fact]
    public void Rank_SameScores_EarlierSubmissionFirstThenLowerId()
    {
        var ranked = BacklogRanking.Rank(
            [Item("Q-3", 5, Scored("a", 3, 3, 3)), Item("Q-2", 1, Scored("a", 3, 3, 3)), Item("Q-1", 5, Scored("a", 3, 3, 3))], Defaults);
        Assert.Equal(["Q-2", "Q-1", "Q-3"], ranked.Select(r => r.Item.QuestionId));
        Assert.Equal([null, "submitted earlier", "lower question id"], ranked.Select(r => r.TieBrokenBy));
    }

    [Fact]
    public void Rank_SamePriorityWithDifferentMemberCounts_IsATie()
    {
        // 40/12 and 80/24: the same priority, compared exactly as fractions.
        var three = Item("Q-1", 2, Scored("a", 3, 3, 3), Scored("b", 3, 3, 3), Scored("c", 4, 4, 4));
        var six = Item("Q-2", 1, Scored("a", 3, 3, 3), Scored("b", 3, 3, 3), Scored("c", 4, 4, 4), Scored("d", 3, 3, 3), Scored("e", 3, 3, 3), Scored("f", 4, 4, 4));
        var ranked = BacklogRanking.Rank([three, six], Defaults);
        Assert.Equal("submitted earlier", ranked[1].TieBrokenBy);
    }

    [Fact]
    public void Rank_ConfiguredWeights_ChangeTheOrderAndTheFormula()
    {
        var feasibilityOnly = new PrioritisationOptions { FeasibilityWeight = 1, DataAvailabilityWeight = 0, PolicyRelevanceWeight = 0 };
        var items = new[] { Item("Q-1", 1, Scored("a", 5, 1, 1)), Item("Q-2", 2, Scored("a", 1, 5, 5)) };

        Assert.Equal("Q-2", BacklogRanking.Rank(items, Defaults)[0].Item.QuestionId);
        Assert.Equal("Q-1", BacklogRanking.Rank(items, feasibilityOnly)[0].Item.QuestionId);
        Assert.StartsWith("priority = (1 × feasibility + 0 × data availability + 0 × policy relevance) ÷ 1", feasibilityOnly.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_NoScores_IsLeftOut() => Assert.Empty(BacklogRanking.Rank([Item("Q-1", 1)], Defaults));

    [Theory]
    [InlineData(0, 0, 0, 2, false)]
    [InlineData(11, 1, 1, 2, false)]
    [InlineData(1, 1, 2, 0, false)]
    [InlineData(1, 1, 2, 5, false)]
    [InlineData(0, 0, 1, 4, true)]
    public void IsValid_Weights_AreZeroToTenNotAllZeroAndSpreadOneToFour(int f, int d, int p, int spread, bool valid) =>
        Assert.Equal(valid, PrioritisationOptions.IsValid(new() { FeasibilityWeight = f, DataAvailabilityWeight = d, PolicyRelevanceWeight = p, DisagreementSpread = spread }));
}
