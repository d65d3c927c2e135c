using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Creates the project through the API as <paramref name="admin"/> (a signed-in Admin); returns its id.</summary>
    public static async Task<string> CreateAsync(HttpClient admin, ProjectRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/projects", request, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProjectResponse>(Json))!.Id;
    }
}
