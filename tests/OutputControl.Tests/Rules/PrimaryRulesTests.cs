using OutputControl.Requests;
using OutputControl.Rules;

namespace OutputControl.Tests.Rules;

public class PrimaryRulesTests
{
    private static readonly Policy Policy = Policy.Default;

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void Assess_UnitsAgainstMinUnits_PrimaryBelowThreshold(long units, bool primary)
    {
        var a = PrimaryRules.Assess(Measure.Count, units, units, null, Policy);

        Assert.Equal(primary, a.IsPrimary);
        if (primary)
        {
            Assert.Equal($"minUnits: {units} units < 10", a.Reasons[0]);
            Assert.Equal(10m, a.Requirement.Width);
        }
    }

    [Fact]
    public void Assess_TwelveRecordsFromEightPersons_IsPrimaryOnUnits()
    {
        var a = PrimaryRules.Assess(Measure.Count, 12, 8, null, Policy);

        Assert.True(a.IsPrimary);
        Assert.Equal("minUnits: 8 units < 10", a.Reasons[0]);
    }

    [Fact]
    public void Assess_FiveRecordsFromTwelvePersonsImpossible_ButTwentyRecordsFromTenPersonsSafe()
    {
        Assert.False(PrimaryRules.Assess(Measure.Count, 20, 10, null, Policy).IsPrimary);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Assess_ZeroCell_PrimaryOnlyWhenZerosDisclosive(bool zerosDisclosive, bool primary)
    {
        var policy = new Policy(zerosDisclosive: zerosDisclosive);

        Assert.Equal(primary, PrimaryRules.Assess(Measure.Count, 0, 0, null, policy).IsPrimary);
    }

    // (2,85): x1 + x2 = 85 of 100 is exactly 85% and safe; 86 of 100 is unsafe (one unit above).
    [Theory]
    [InlineData(50, 35, false)]
    [InlineData(50, 36, true)]
    public void Dominance_ExactBoundary_SafeAtKPercent(int x1, int x2, bool unsafeCell)
    {
        var rest = 100 - x1 - x2;
        decimal[] sorted = [x1, x2, .. Enumerable.Repeat((decimal)rest / 10, 10)];

        var upl = PrimaryRules.Dominance(sorted, 100, new DominanceRule(2, 85));

        Assert.Equal(unsafeCell, upl is not null);
        if (unsafeCell)
        {
            // 100/85·86 − 100 = 1.1764…
            Assert.Equal((100m * 86 / 85) - 100, upl);
        }
    }

    // p = 10: remainder exactly 10% of x1 = 100 is safe; 9 is unsafe.
    [Theory]
    [InlineData(10, false)]
    [InlineData(9, true)]
    public void PPercent_ExactBoundary_SafeAtPPercent(int remainder, bool unsafeCell)
    {
        decimal[] sorted = [100, 5, remainder];

        var upl = PrimaryRules.PPercent(sorted, 105 + remainder, 10);

        Assert.Equal(unsafeCell, upl is not null);
        if (unsafeCell)
        {
            Assert.Equal(1m, upl); // 10/100·100 − 9
        }
    }

    [Fact]
    public void Assess_PPercentPrimary_ReasonNamesRemainderAndLargest()
    {
        decimal[] contributions = [1000, 400, 20, 20];
        var policy = new Policy(minUnits: 1, dominanceOff: true);

        var a = PrimaryRules.Assess(Measure.Sum, 1440, 4, contributions, policy);

        Assert.True(a.IsPrimary);
        Assert.Equal(["p%: remainder 40 < 10% of largest 1000"], a.Reasons);
        Assert.Equal(60m, a.Requirement.Upper);
        Assert.Equal(60m, a.Requirement.Lower);
    }

    [Fact]
    public void Assess_RulesSwitchedOff_DominatedCellIsSafe()
    {
        var policy = new Policy(minUnits: 1, dominanceOff: true, pPercent: null);

        Assert.False(PrimaryRules.Assess(Measure.Sum, 1000, 2, [999, 1], policy).IsPrimary);
    }

    [Fact]
    public void Assess_SumWithoutContributions_NeedsManualReviewButIsNotPrimary()
    {
        var a = PrimaryRules.Assess(Measure.Sum, 5000, 40, null, Policy);

        Assert.False(a.IsPrimary);
        Assert.True(a.NeedsManualReview);
    }

    [Fact]
    public void Assess_LowerProtection_ClampedAtValue()
    {
        // A single dominant unit: UPL = 100/85·X − X exceeds nothing, p% UPL = 0.1·X − (X − X) = 0.1X.
        var a = PrimaryRules.Assess(Measure.Sum, 100, 1, [100], new Policy(minUnits: 1));

        Assert.True(a.IsPrimary);
        Assert.True(a.Requirement.Lower <= 100);
        Assert.Equal((100m * 100 / 85) - 100, a.Requirement.Upper);
    }
}
