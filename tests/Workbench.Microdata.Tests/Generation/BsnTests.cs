using CsCheck;
using Workbench.Microdata.Identifiers;

namespace Workbench.Microdata.Tests.Generation;

public sealed class BsnTests
{
    [Theory]
    [InlineData(111222333, true)]
    [InlineData(123456782, true)]
    [InlineData(123456789, false)]
    [InlineData(111222334, false)]
    [InlineData(1234, false)]
    public void IsValid_KnownNumbers_AppliesTheElevenProof(long value, bool expected) =>
        Assert.Equal(expected, Bsn.IsValid(value));

    [Fact]
    public void Generate_AnySeed_GivesDistinctValidNumbers()
    {
        Gen.Int.Sample(seed =>
        {
            var numbers = Bsn.Generate(2_000, seed);
            return numbers.All(n => Bsn.IsValid(n)) && numbers.Distinct().Count() == numbers.Length;
        }, iter: 50);
    }

    [Fact]
    public void CheckDigit_PrefixWithRemainderTen_HasNone()
    {
        // A prefix whose weighted sum leaves remainder 10 can take no check digit at all.
        var prefix = Enumerable.Range(10_000_000, 200).First(p => Bsn.CheckDigit(p) < 0);
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(Bsn.IsValid((long)prefix * 10 + d)));
    }
}
