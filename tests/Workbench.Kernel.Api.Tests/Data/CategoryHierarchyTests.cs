using Workbench.Api;

namespace Workbench.Kernel.Api.Tests.Data;

public sealed class CategoryHierarchyTests
{
    [Fact]
    public void FromChains_SharedAncestors_EachCodeItsChain()
    {
        var areas = CategoryHierarchy.FromChains("areas", [["BU11", "WK1", "GM1"], ["BU12", "WK1", "GM1"], ["BU21", "WK2", "GM1"], ["BU11", "WK1", "GM1"]]);

        Assert.Equal(["WK1", "GM1"], areas.Ancestors("BU12"));
        Assert.Equal(["GM1"], areas.Ancestors("WK2"));
        Assert.Empty(areas.Ancestors("GM1"));
        Assert.Null(areas.ParentOf("GM1"));
        Assert.Equal(6, areas.Codes.Count);
    }

    [Fact]
    public void FromParents_ParentOnly_IsTopLevel()
    {
        var h = CategoryHierarchy.FromParents("h", [KeyValuePair.Create("a", "b"), KeyValuePair.Create("b", "c")]);

        Assert.Equal(["b", "c"], h.Ancestors("a"));
        Assert.True(h.Contains("c"));
    }

    [Fact]
    public void FromChains_CodeWithTwoParents_RefusedNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => CategoryHierarchy.FromChains("areas", [["BU11", "WK1"], ["BU11", "WK2"]]));
        Assert.Equal("hierarchy 'areas': 'BU11' has two parents, 'WK1' and 'WK2'", e.Message);
    }

    [Theory]
    [InlineData("a", "b", "b", "a")]
    [InlineData("a", "a", "x", "y")]
    public void FromParents_Cycle_Refused(string child1, string parent1, string child2, string parent2)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            CategoryHierarchy.FromParents("h", [KeyValuePair.Create(child1, parent1), KeyValuePair.Create(child2, parent2)]));
        Assert.Contains("is its own ancestor (a cycle)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ancestors_UnknownCode_RefusedNamingIt()
    {
        var h = CategoryHierarchy.FromChains("areas", [["BU11", "WK1"]]);
        var e = Assert.Throws<ArgumentException>(() => h.Ancestors("BU99"));
        Assert.StartsWith("the hierarchy 'areas' does not know the code 'BU99'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromChains_EmptyCode_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => CategoryHierarchy.FromChains("areas", [["BU11", " "]]));
        Assert.StartsWith("hierarchy 'areas': a code is empty", e.Message, StringComparison.Ordinal);
    }
}
