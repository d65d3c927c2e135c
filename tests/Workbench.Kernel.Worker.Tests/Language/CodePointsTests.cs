using Workbench.Kernel.Worker.Language;

namespace Workbench.Kernel.Worker.Tests.Language;

public sealed class CodePointsTests
{
    private const string WithSurrogates = "a🙂b\n🙂c";

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 5)]
    [InlineData(5, 7)]
    [InlineData(99, 8)]
    public void ToUtf16Index_AcrossSurrogatePairs_SkipsBothUnits(int codePoints, int expected) =>
        Assert.Equal(expected, CodePoints.ToUtf16Index(WithSurrogates, codePoints));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(6)]
    public void FromUtf16Index_RoundTrip_ReturnsTheCodePointOffset(int codePoints) =>
        Assert.Equal(codePoints, CodePoints.FromUtf16Index(WithSurrogates, CodePoints.ToUtf16Index(WithSurrogates, codePoints)));
}
