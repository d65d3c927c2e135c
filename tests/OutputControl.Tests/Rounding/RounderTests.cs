using OutputControl.Requests;
using OutputControl.Rounding;

namespace OutputControl.Tests.Rounding;

public class RounderTests
{
    [Theory]
    [InlineData(15, 20)]
    [InlineData(25, 30)]
    [InlineData(74, 70)]
    [InlineData(75, 80)]
    [InlineData(4, 0)]
    [InlineData(0, 0)]
    public void Round_AwayFromZero_MidpointsGoUp(int value, int expected) =>
        Assert.Equal(expected, Rounder.Round(value, 10, MidpointPolicy.AwayFromZero));

    [Theory]
    [InlineData(15, 20)]
    [InlineData(25, 20)]
    [InlineData(35, 40)]
    [InlineData(26, 30)]
    public void Round_ToEven_MidpointsGoToEvenMultiple(int value, int expected) =>
        Assert.Equal(expected, Rounder.Round(value, 10, MidpointPolicy.ToEven));

    [Fact]
    public void Round_BaseFive_RoundsToFives() => Assert.Equal(15m, Rounder.Round(13, 5, MidpointPolicy.AwayFromZero));

    [Fact]
    public void Round_BaseZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounder.Round(13, 0, MidpointPolicy.AwayFromZero));
}
