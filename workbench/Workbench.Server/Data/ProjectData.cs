using System.Net;
using System.Security.Claims;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.OpenId;
using Workbench.Server.Projects;

namespace Workbench.Server.Data;

/// <summary>A project's view file as delivered to its kernel; <paramref name="Tag"/> changes whenever the view does.</summary>
public sealed record ProjectViewFile(string Path, string Tag, bool Unchanged);

/// <summary>
/// Delivers a project's view (see <see cref="ProjectViewFiles"/>) to the one caller that may have microdata: a kernel of a
/// notebook server this workbench started (<see cref="KernelCredentials"/>), connected over loopback, for a data
/// scientist of the project within its retention. Never to a browser, a command-line token or a kernel outside the
/// workbench: rows of microdata leave the workbench only as outputs that passed output control. Every delivery and
/// every refusal is audited.
/// </summary>
public sealed class ProjectData(ProjectChanges projects, ProjectViewFiles views, AuditTrail audit, TimeProvider time)
{
    /// <summary>Why a caller that is not a notebook kernel of this workbench gets no view.</summary>
    public const string OnlyNotebookKernels =
        "the project's view goes only to the kernels of the workbench's own notebook servers (open Notebooks in the workbench); " +
        "microdata is never delivered to a browser, a command-line token or a kernel outside the workbench";

    /// <summary>
    /// The project's whole view file for its kernel (which mounts it read-only into the sandbox), with the same checks
    /// as every other project data access, for every allowlisted dataset at once. <paramref name="knownTag"/> is the tag of the
    /// copy the caller already has: when the view has not changed since, nothing is delivered (and nothing audited).
    /// </summary>
    public async Task<ProjectViewFile> ViewAsync(
        string projectId, string? knownTag, ClaimsPrincipal caller, IPAddress? remote, CancellationToken ct)
    {
        var version = await projects.GetCurrentAsync(projectId, caller, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var refusal = (KernelCredentials.IsNotebookKernel(caller) ? null : OnlyNotebookKernels)
            ?? (remote is not null && IPAddress.IsLoopback(remote) ? null : "the project's view is delivered over loopback only, to the workbench's own notebook kernels")
            ?? TokenPrincipals.ProjectBindingRefusal(caller, projectId)
            ?? ProjectRules.DataAccessRefusal(version.Definition, caller.UserId(), today);
        if (refusal is not null)
        {
            await audit.SaveChangesAsync([AuditEvent.Create(caller.UserId(), AuditActions.DataAccessRefused, Subject(projectId),
                new { version = version.Version, dataset = "(view)", reason = refusal })], ct);
            throw new AccessDeniedException(refusal);
        }
        var path = await views.EnsureAsync(version, ct);
        var tag = await views.TagAsync(path, ct);
        if (tag == knownTag)
        {
            return new ProjectViewFile(path, tag, Unchanged: true);
        }
        await audit.SaveChangesAsync([AuditEvent.Create(caller.UserId(), AuditActions.DataViewDelivered, Subject(projectId),
            new { version = version.Version, datasets = version.Definition.Datasets.Select(d => d.Dataset).ToArray(), bytes = new FileInfo(path).Length, tag })], ct);
        return new ProjectViewFile(path, tag, Unchanged: false);
    }

    private static string Subject(string projectId) => $"project:{projectId}";
}
