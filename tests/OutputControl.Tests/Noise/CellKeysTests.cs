using System.Numerics;
using OutputControl.Noise;

namespace OutputControl.Tests.Noise;

public class CellKeysTests
{
    [Fact]
    public void RecordKey_Abc_IsTheFirstEightBytesOfItsSha256BigEndian() =>
        // SHA-256("abc") = ba7816bf8f01cfea 414140de5dae2223 … (FIPS 180-2's test vector).
        Assert.Equal(0xba7816bf8f01cfeaUL, CellKeys.RecordKey("abc"));

    [Fact]
    public void Of_TwoUnits_IsTheFractionalPartOfTheSumOfTheirRecordKeys()
    {
        var a = CellKeys.RecordKey("P-000123");
        var b = CellKeys.RecordKey("P-000456");
        var expected = (decimal)(((BigInteger)a + b) % BigInteger.Pow(2, 64)) / 18446744073709551616m;

        Assert.Equal(expected, CellKeys.Of(["P-000123", "P-000456"]));
        Assert.Equal(expected, CellKeys.Of(["P-000456", "P-000123", "P-000456"])); // order and repeats do not matter
    }

    [Fact]
    public void Of_NoUnits_IsZero() => Assert.Equal(0m, CellKeys.Of([]));

    [Fact]
    public void ToNumber_Extremes_StayInTheUnitInterval()
    {
        Assert.Equal(0m, CellKeys.ToNumber(0));
        Assert.Equal(0.5m, CellKeys.ToNumber(1UL << 63));
        Assert.True(CellKeys.ToNumber(ulong.MaxValue) < 1m);
    }
}
