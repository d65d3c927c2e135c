using Workbench.Server.Identity;
using Workbench.Server.Questions;

namespace Workbench.Server.Tests.Questions;

public class QuestionVisibilityTests
{
    private static QuestionViewer Viewer(string organisation, params WorkbenchRole[] roles) => new("u", organisation, roles.ToHashSet());

    [Theory]
    [InlineData(QuestionStatus.Draft, "GM0363", true)]
    [InlineData(QuestionStatus.Draft, "GM0599", false)]
    [InlineData(QuestionStatus.Submitted, "GM0363", true)]
    [InlineData(QuestionStatus.Rejected, "GM0599", false)]
    public void CanSee_Requester_OwnOrganisationOnly(QuestionStatus status, string organisation, bool seen) =>
        Assert.Equal(seen, QuestionVisibility.CanSee(organisation, status, Viewer("GM0363", WorkbenchRole.Requester)));

    [Theory]
    [InlineData(WorkbenchRole.SteeringMember)]
    [InlineData(WorkbenchRole.SteeringChair)]
    [InlineData(WorkbenchRole.Admin)]
    public void CanSee_SteeringAndAdmin_EverySubmittedButNoDraft(WorkbenchRole role)
    {
        Assert.True(QuestionVisibility.CanSee("GM0599", QuestionStatus.InAssessment, Viewer("JENV", role)));
        Assert.False(QuestionVisibility.CanSee("GM0599", QuestionStatus.Draft, Viewer("JENV", role)));
        Assert.False(QuestionVisibility.CanSee("JENV", QuestionStatus.Draft, Viewer("JENV", role)));
    }

    [Theory]
    [InlineData(WorkbenchRole.DataScientist)]
    [InlineData(WorkbenchRole.OutputChecker)]
    [InlineData(WorkbenchRole.Auditor)]
    public void CanSee_OtherRoles_Nothing(WorkbenchRole role) =>
        Assert.False(QuestionVisibility.CanSee("CBS", QuestionStatus.Submitted, Viewer("CBS", role)));

    [Fact]
    public void CheckCanWrite_SteeringMemberOfSameOrganisation_IsRefused() =>
        Assert.Throws<Workbench.Server.Errors.AccessDeniedException>(() =>
            QuestionVisibility.CheckCanWrite("JENV", Viewer("JENV", WorkbenchRole.SteeringMember)));
}
