using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;

namespace Workbench.Server.Questions;

/// <summary>Who is looking at or changing questions: their organisation (from the database, not a claim) and roles.</summary>
public sealed record QuestionViewer(string UserId, string OrganisationId, IReadOnlySet<WorkbenchRole> Roles)
{
    public bool Is(WorkbenchRole role) => Roles.Contains(role);

    /// <summary>A steering-group member or chair.</summary>
    public bool IsSteering => Is(WorkbenchRole.SteeringMember) || Is(WorkbenchRole.SteeringChair);

    public static async Task<QuestionViewer> OfAsync(ClaimsPrincipal user, WorkbenchDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var id = user.UserId();
        var organisation = await db.Users.Where(u => u.Id == id).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct)
            ?? throw new AccessDeniedException("your account is not known here");
        var roles = Enum.GetValues<WorkbenchRole>().Where(user.HasRole).ToHashSet();
        return new QuestionViewer(id, organisation, roles);
    }
}

/// <summary>
/// Who sees and changes which question. Pure. Requesters see their own organisation's questions, drafts included,
/// and write them; the steering group and Admins see every submitted question; nobody sees another organisation's
/// drafts; everyone else sees none.
/// </summary>
public static class QuestionVisibility
{
    public static bool CanSee(string organisationId, QuestionStatus status, QuestionViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var ownRequester = viewer.Is(WorkbenchRole.Requester) && viewer.OrganisationId == organisationId;
        return status == QuestionStatus.Draft ? ownRequester : ownRequester || viewer.IsSteering || viewer.Is(WorkbenchRole.Admin);
    }

    public static bool CanWrite(string organisationId, QuestionViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Is(WorkbenchRole.Requester) && viewer.OrganisationId == organisationId;
    }

    /// <summary>Throws <see cref="AccessDeniedException"/> unless <see cref="CanWrite"/>.</summary>
    public static void CheckCanWrite(string organisationId, QuestionViewer viewer)
    {
        if (!CanWrite(organisationId, viewer))
        {
            throw new AccessDeniedException("only requesters of the question's organisation may change it");
        }
    }
}
