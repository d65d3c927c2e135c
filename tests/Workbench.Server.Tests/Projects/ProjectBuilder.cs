using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Tests.Projects;

/// <summary>A valid project request, to change one thing at a time.</summary>
internal static class ProjectBuilder
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static ProjectRequest Valid(params ProjectMember[] members) => new(
        "Drug labs and vacant buildings",
        "Estimate how often dismantled drug labs lie in vacant buildings, per municipality, for the dashboard.",
        LegalBasis.PublicTask,
        "CBS Act art. 3: statistics in the public interest; the dashboard is part of CBS's statutory task.",
        [new DatasetGrant("dismantlings", ["building_id", "dismantled_month", "kind"]), new DatasetGrant("buildings", ["building_id", "vacant", "buurt_code"])],
        members,
        Today.AddYears(1),
        new Weighing("Aggregated police figures cannot link labs to buildings.", "Only building-level attributes, no persons.", "The linkage answers the question directly."));

    public static ProjectDefinition Definition(params ProjectMember[] members) => Valid(members).ToDefinition();

    public static ProjectMember Scientist(string userId) => new(userId, WorkbenchRole.DataScientist);
}
