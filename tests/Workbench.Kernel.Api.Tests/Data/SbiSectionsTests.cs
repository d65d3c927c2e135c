using Workbench.Api;

namespace Workbench.Kernel.Api.Tests.Data;

public sealed class SbiSectionsTests
{
    [Theory]
    [InlineData("01", "A")]
    [InlineData("03", "A")]
    [InlineData("05", "B")]
    [InlineData("09", "B")]
    [InlineData("10", "C")]
    [InlineData("33", "C")]
    [InlineData("35", "D")]
    [InlineData("39", "E")]
    [InlineData("41", "F")]
    [InlineData("47", "G")]
    [InlineData("53", "H")]
    [InlineData("56", "I")]
    [InlineData("62", "J")]
    [InlineData("66", "K")]
    [InlineData("68", "L")]
    [InlineData("75", "M")]
    [InlineData("82", "N")]
    [InlineData("84", "O")]
    [InlineData("85", "P")]
    [InlineData("88", "Q")]
    [InlineData("93", "R")]
    [InlineData("96", "S")]
    [InlineData("98", "T")]
    [InlineData("99", "U")]
    public void SectionOf_Division_OfficialSection(string division, string section)
    {
        Assert.Equal(section, SbiSections.SectionOf(division));
        Assert.Equal(section, Hierarchies.Sbi.ParentOf(division));
    }

    [Theory]
    [InlineData("04")]
    [InlineData("34")]
    [InlineData("67")]
    [InlineData("7")]
    [InlineData("470")]
    [InlineData("G")]
    public void SectionOf_NoDivision_Refused(string code)
    {
        var e = Assert.Throws<ArgumentException>(() => SbiSections.SectionOf(code));
        Assert.StartsWith($"'{code}' is not an SBI 2008 division", e.Message, StringComparison.Ordinal);
        if (code != "G") Assert.False(Hierarchies.Sbi.Contains(code));
    }

    [Fact]
    public void Divisions_EveryDivisionOfTheSchemaAndTwentyOneSections()
    {
        Assert.Equal(88, SbiSections.Divisions.Count);
        Assert.Equal(21, SbiSections.Names.Count);
        Assert.All(Workbench.Microdata.Schema.Vocabulary.SbiDivisions.Keys, d => Assert.Contains(d, SbiSections.Divisions));
        Assert.Equal([.. SbiSections.Names.Keys.Order(StringComparer.Ordinal)],
            Hierarchies.Sbi.Codes.Where(c => c.Length == 1).Order(StringComparer.Ordinal));
    }
}
