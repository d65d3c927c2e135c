using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Pseudonymisation;

public sealed class PseudonymiserTests : IDisposable
{
    private readonly PseudonymKey _key = TestKeys.Random();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Pseudonymise_SameBsnTwice_SamePseudonymAcrossInstances()
    {
        var bsn = new DeliveryBuilder().Bsns[0];

        Assert.Equal(new Pseudonymiser(_key).Pseudonymise(KeyKind.Person, bsn), new Pseudonymiser(_key).Pseudonymise(KeyKind.Person, bsn));
    }

    [Fact]
    public void Pseudonymise_SameDigitsAsPersonAndCompany_Differ()
    {
        var pseudonymiser = new Pseudonymiser(_key);

        Assert.NotEqual(pseudonymiser.Pseudonymise(KeyKind.Household, "12345672"), pseudonymiser.Pseudonymise(KeyKind.Company, "12345672"));
    }

    [Fact]
    public void Pseudonymise_OtherKey_OtherPseudonym()
    {
        using var other = TestKeys.Random();

        Assert.NotEqual(new Pseudonymiser(_key).Pseudonymise(KeyKind.Company, "12345678"), new Pseudonymiser(other).Pseudonymise(KeyKind.Company, "12345678"));
    }

    [Theory]
    [InlineData(KeyKind.Person, "123456789", "fails 11-proof")]
    [InlineData(KeyKind.Person, "12345678", "must be 9 digits")]
    [InlineData(KeyKind.Company, "1234567a", "must be 8 digits")]
    [InlineData(KeyKind.Building, "036301000000001", "must be 16 digits")]
    public void TryParse_InvalidIdentifier_NamesTheProblem(KeyKind kind, string text, string expected)
    {
        Assert.Equal(expected, IdentifierFormat.TryParse(kind, text, out _));
    }

    [Fact]
    public void PassesElevenProof_KnownValidBsn_True()
    {
        Assert.True(IdentifierFormat.PassesElevenProof("111222333"));
        Assert.False(IdentifierFormat.PassesElevenProof("111222334"));
    }

    [Fact]
    public void Pseudonymise_TwoIdentifiersSamePseudonym_ThrowsCollision()
    {
        var pseudonymiser = new Pseudonymiser(_key, static (_, _, _) => 42);
        pseudonymiser.Pseudonymise(KeyKind.Person, "111222333");

        var error = Assert.Throws<PseudonymCollisionException>(() => pseudonymiser.Pseudonymise(KeyKind.Person, "123456782"));

        Assert.Equal(42, error.Pseudonym);
        Assert.DoesNotContain("123456782", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pseudonymise_SameIdentifierTwiceUnderCollidingFunction_NoCollision()
    {
        var pseudonymiser = new Pseudonymiser(_key, static (_, _, _) => 42);

        Assert.Equal(pseudonymiser.Pseudonymise(KeyKind.Person, "111222333"), pseudonymiser.Pseudonymise(KeyKind.Person, "111222333"));
    }
}
