using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Tests.Projects;

public class ProjectRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static ProjectDefinition Valid() => ProjectBuilder.Definition(ProjectBuilder.Scientist("u1")) with { RetentionEnd = Today.AddYears(1) };

    private static string[] Errors(ProjectDefinition definition, string field) =>
        Assert.Throws<ValidationFailedException>(() => ProjectRules.CheckDefinition(definition, Today)).Errors[field];

    [Fact]
    public void CheckDefinition_ValidProject_Passes() => ProjectRules.CheckDefinition(Valid(), Today);

    [Fact]
    public void CheckDefinition_UnknownDataset_IsRefused() =>
        Assert.Contains("unknown dataset 'bank_accounts'", Errors(Valid() with { Datasets = [new DatasetGrant("bank_accounts", ["iban"])] }, "datasets"));

    [Fact]
    public void CheckDefinition_DroppedIdentifierColumn_IsRefused() =>
        Assert.Contains("dataset 'persons' has no column 'bsn'",
            Errors(Valid() with { Datasets = [new DatasetGrant("persons", ["person_id", "bsn"])] }, "datasets.persons"));

    [Fact]
    public void CheckDefinition_DatasetWithoutColumns_IsRefused() =>
        Assert.Single(Errors(Valid() with { Datasets = [new DatasetGrant("persons", [])] }, "datasets.persons"));

    [Fact]
    public void CheckDefinition_RetentionEndToday_IsRefused() =>
        Assert.Single(Errors(Valid() with { RetentionEnd = Today }, "retentionEnd"));

    [Fact]
    public void CheckDefinition_MissingWeighing_NamesEachPart()
    {
        var e = Assert.Throws<ValidationFailedException>(() =>
            ProjectRules.CheckDefinition(Valid() with { Weighing = new Weighing("", " ", "") }, Today));
        Assert.Equal(["weighing.effectiveness", "weighing.proportionality", "weighing.subsidiarity"], e.Errors.Keys.Order());
    }

    [Fact]
    public void CheckDefinition_AdminAsProjectRole_IsRefused() =>
        Assert.Single(Errors(Valid() with { Members = [new ProjectMember("u1", WorkbenchRole.Admin)] }, "members"));

    [Fact]
    public void Warnings_Consent_WarnsItIsRarelyValid() =>
        Assert.Equal([ProjectRules.ConsentWarning], ProjectRules.Warnings(Valid() with { LegalBasis = LegalBasis.Consent }));

    [Fact]
    public void Warnings_PublicTask_None() => Assert.Empty(ProjectRules.Warnings(Valid()));

    [Fact]
    public void CanAccessData_ScientistOnRetentionEnd_IsAllowed() =>
        Assert.True(ProjectRules.CanAccessData(Valid(), "u1", Today.AddYears(1)));

    [Fact]
    public void CheckCanAccessData_DayAfterRetentionEnd_IsRefusedWithTheDate()
    {
        var e = Assert.Throws<AccessDeniedException>(() => ProjectRules.CheckCanAccessData(Valid(), "u1", Today.AddYears(1).AddDays(1)));
        Assert.Contains("ended on 2027-06-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCanAccessData_OutputCheckerMember_IsRefused() =>
        Assert.Throws<AccessDeniedException>(() => ProjectRules.CheckCanAccessData(
            Valid() with { Members = [new ProjectMember("u2", WorkbenchRole.OutputChecker)] }, "u2", Today));

    [Fact]
    public void CheckDefinition_ScientistWhoIsAlsoOutputCheckerOfTheProject_IsRefused() =>
        Assert.Contains("user 'u1' cannot be both a data scientist and an output checker of the same project",
            Errors(Valid() with { Members = [ProjectBuilder.Scientist("u1"), new ProjectMember("u1", WorkbenchRole.OutputChecker)] }, "members"));

    [Fact]
    public void CheckDefinition_ScientistAndAnotherUserAsOutputChecker_Passes() =>
        ProjectRules.CheckDefinition(Valid() with { Members = [ProjectBuilder.Scientist("u1"), new ProjectMember("u2", WorkbenchRole.OutputChecker)] }, Today);
}
