using Workbench.Microdata.Geography;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Tests.Generation;

namespace Workbench.Microdata.Tests.Geography;

public sealed class AreaRegisterTests
{
    [Fact]
    public void ForSeed_SameSeedAsDelivery_KnowsExactlyTheDeliveredGemeenteAndWijkCodes()
    {
        // The geography depends on the seed alone, so a small delivery has all of it.
        using var delivery = new Delivery(2_000, seed: 5);
        var register = AreaRegister.ForSeed(5);
        var areas = delivery[Datasets.Areas];
        var delivered = areas.Column("gemeentecode").Concat(areas.Column("wijkcode")).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(delivered.Count, register.Count);
        Assert.All(delivered, code => Assert.True(register.TryFind(code, out _), code));
    }

    [Fact]
    public void TryFind_RealMunicipalityAndItsWijk_GivesNamesAndLevels()
    {
        var register = AreaRegister.ForSeed(1);

        Assert.True(register.TryFind("GM0363", out var amsterdam));
        Assert.True(register.TryFind("WK036301", out var centrum));
        Assert.Equal(("Amsterdam", RegisterLevel.Gemeente), (amsterdam.Name, amsterdam.Level));
        Assert.Equal((RegisterLevel.Wijk, "GM0363"), (centrum.Level, centrum.GemeenteCode));
        Assert.Contains(centrum, register.WijkenOf("GM0363"));
    }

    [Theory]
    [InlineData("GM9999")]
    [InlineData("gm0363")]
    [InlineData("BU03630101")]
    [InlineData("")]
    public void TryFind_UnknownOrBuurtCode_IsFalse(string code) => Assert.False(AreaRegister.ForSeed(1).TryFind(code, out _));
}
