using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Pseudonymisation;

public sealed class ProjectPseudonymiserTests : IDisposable
{
    private readonly PseudonymKey _key = TestKeys.Random();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Pseudonymise_SameProject_Stable()
    {
        var master = new Pseudonymiser(_key).Pseudonymise(KeyKind.Person, "111222333");
        using var first = new ProjectPseudonymiser(_key, "p-001");
        using var again = new ProjectPseudonymiser(_key, "p-001");

        Assert.Equal(first.Pseudonymise(KeyKind.Person, master), again.Pseudonymise(KeyKind.Person, master));
    }

    [Fact]
    public void Pseudonymise_TwoProjects_DifferFromEachOtherAndFromMaster()
    {
        var master = new Pseudonymiser(_key).Pseudonymise(KeyKind.Person, "111222333");
        using var a = new ProjectPseudonymiser(_key, "p-001");
        using var b = new ProjectPseudonymiser(_key, "p-002");

        var inA = a.Pseudonymise(KeyKind.Person, master);
        var inB = b.Pseudonymise(KeyKind.Person, master);

        Assert.NotEqual(inA, inB);
        Assert.NotEqual(master, inA);
        Assert.NotEqual(master, inB);
    }

    [Fact]
    public void Pseudonymise_SameMasterDifferentKinds_Differ()
    {
        using var project = new ProjectPseudonymiser(_key, "p-001");

        Assert.NotEqual(project.Pseudonymise(KeyKind.Person, 12345), project.Pseudonymise(KeyKind.Company, 12345));
    }
}
