using Workbench.Server.Identity;

namespace Workbench.Server.Projects;

/// <summary>The body of a create or change request.</summary>
public sealed record ProjectRequest(
    string Title, string Purpose, LegalBasis LegalBasis, string LegalBasisJustification,
    IReadOnlyList<DatasetGrant> Datasets, IReadOnlyList<ProjectMember> Members, DateOnly RetentionEnd, Weighing Weighing)
{
    public ProjectDefinition ToDefinition() =>
        new(Title, Purpose, LegalBasis, LegalBasisJustification, Datasets ?? [], Members ?? [], RetentionEnd, Weighing);
}

/// <summary>A change: the version it is based on (a stale one is refused with 409), why, and the new definition.</summary>
public sealed record ProjectChangeRequest(int ExpectedVersion, string ChangeReason, ProjectRequest Project);

/// <summary>A version of a project as the API shows it, with any warnings about it.</summary>
public sealed record ProjectResponse(
    string Id, int Version, ProjectDefinition Definition, string ChangedBy, DateTimeOffset ChangedAt, string ChangeReason,
    IReadOnlyList<string> Warnings)
{
    public static ProjectResponse From(ProjectVersion v) =>
        new(v.ProjectId, v.Version, v.Definition, v.ChangedBy, v.ChangedAt, v.ChangeReason, ProjectRules.Warnings(v.Definition));
}

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Projects");

        projects.MapGet("/", async (ProjectChanges changes, HttpContext http, CancellationToken ct) =>
                (await changes.ListAsync(http.User, ct)).Select(ProjectResponse.From))
            .WithSummary("The projects the caller may see (all of them for an Admin)");

        projects.MapGet("/{id}", async (string id, ProjectChanges changes, HttpContext http, CancellationToken ct) =>
                ProjectResponse.From(await changes.GetCurrentAsync(id, http.User, ct)))
            .WithSummary("The current version of a project");

        projects.MapGet("/{id}/versions", async (string id, ProjectChanges changes, HttpContext http, CancellationToken ct) =>
                (await changes.HistoryAsync(id, http.User, ct)).Select(ProjectResponse.From))
            .WithSummary("Every version of a project, oldest first");

        projects.MapPost("/", async (ProjectRequest request, ProjectChanges changes, HttpContext http, CancellationToken ct) =>
            {
                var version = await changes.CreateAsync(request.ToDefinition(), http.User, ct);
                return TypedResults.Created($"/api/projects/{version.ProjectId}", ProjectResponse.From(version));
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Create a project (Admin)");

        projects.MapPut("/{id}", async (string id, ProjectChangeRequest request, ProjectChanges changes, HttpContext http, CancellationToken ct) =>
                ProjectResponse.From(await changes.UpdateAsync(
                    id, request.ExpectedVersion, request.Project.ToDefinition(), request.ChangeReason, http.User, ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Change a project: adds a version (Admin)");

        projects.MapGet("/{id}/data", async (string id, ProjectChanges changes, HttpContext http, CancellationToken ct) =>
                await changes.OpenDataAsync(id, http.User, ct))
            .WithTags("Data")
            .WithSummary("The datasets and columns the caller may read in this project; refused after the retention end");

        projects.MapGet("/{id}/view", async (string id, Data.ProjectData data, HttpContext http, CancellationToken ct) =>
            {
                var known = http.Request.Headers.IfNoneMatch.ToString().Trim('"');
                var view = await data.ViewAsync(id, known.Length > 0 ? known : null, http.User, http.Connection.RemoteIpAddress, ct);
                var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{view.Tag}\"");
                return view.Unchanged
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.File(view.Path, "application/vnd.duckdb", fileDownloadName: $"{id}.duckdb", entityTag: tag);
            })
            .WithTags("Data")
            .WithSummary("The project's view (a read-only DuckDB file: allowlisted datasets and columns, project pseudonyms) for a kernel of the workbench's own notebook servers only (kernel credential, loopback), of a data scientist of the project within retention; If-None-Match with the ETag answers 304; audited when delivered");

        return app;
    }
}
