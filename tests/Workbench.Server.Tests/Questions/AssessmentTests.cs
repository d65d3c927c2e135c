using Workbench.Server.Questions;
using static Workbench.Server.Tests.Questions.QuestionBuilder;

namespace Workbench.Server.Tests.Questions;

public class AssessmentTests
{
    private static readonly QuestionScore[] Two = [Scored("a", 4, 2, 5), Scored("b", 2, 4, 1)];

    [Theory]
    [InlineData(QuestionStatus.Submitted, 1)]
    [InlineData(QuestionStatus.InAssessment, 1)]
    [InlineData(QuestionStatus.Assessed, 2)]
    [InlineData(QuestionStatus.Parked, 2)]
    [InlineData(QuestionStatus.Accepted, 2)]
    public void VisibleTo_OpenRoundOnlyOwnScore_ClosedRoundAll(QuestionStatus status, int visible)
    {
        var scores = Assessment.VisibleTo(status, Two, "a");
        Assert.Equal(visible, scores.Count);
        Assert.Contains(scores, s => s.MemberId == "a");
    }

    [Fact]
    public void VisibleTo_OpenRoundNotScoredYet_SeesNothing() => Assert.Empty(Assessment.VisibleTo(QuestionStatus.InAssessment, Two, "c"));

    [Fact]
    public void AllScored_EveryCurrentMember_IsTrue_OneMissing_IsFalse_NoMembers_IsFalse()
    {
        Assert.True(Assessment.AllScored(["a", "b"], Two));
        Assert.False(Assessment.AllScored(["a", "b", "c"], Two));
        Assert.False(Assessment.AllScored([], Two));
    }

    [Fact]
    public void Summarise_SpreadOfTwoOrMore_IsDisagreementPerCriterion()
    {
        var summary = Assessment.Summarise([Scored("a", 4, 3, 5), Scored("b", 3, 3, 1)], new PrioritisationOptions())!;

        Assert.Equal((3.5, 3, 4, false), (summary.Feasibility.Mean, summary.Feasibility.Lowest, summary.Feasibility.Highest, summary.Feasibility.Disagreement));
        Assert.False(summary.DataAvailability.Disagreement);
        Assert.Equal((4, true), (summary.PolicyRelevance.Spread, summary.PolicyRelevance.Disagreement));
        Assert.True(summary.Disagreement);
    }

    [Fact]
    public void Summarise_NoScores_IsNull() => Assert.Null(Assessment.Summarise([], new PrioritisationOptions()));
}
