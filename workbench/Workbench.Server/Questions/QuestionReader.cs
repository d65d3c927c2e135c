using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Questions;

/// <summary>Reads questions as the viewer may see them (<see cref="QuestionVisibility"/>, <see cref="Assessment"/>).</summary>
public sealed class QuestionReader(WorkbenchDbContext db, QuestionChanges changes, IOptions<PrioritisationOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<QuestionSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(user, db, ct);
        var mayOthers = viewer.IsSteering || viewer.Is(WorkbenchRole.Admin);
        var own = viewer.Is(WorkbenchRole.Requester) ? viewer.OrganisationId : null;
        if (!mayOthers && own is null) return [];
        var questions = await db.Questions
            .Where(q => q.OrganisationId == own || (mayOthers && q.Status != QuestionStatus.Draft)).ToListAsync(ct);
        questions = [.. questions.Where(q => QuestionVisibility.CanSee(q.OrganisationId, q.Status, viewer))];
        var ids = questions.Select(q => q.Id).ToList();
        var titles = await db.QuestionRevisions.Where(r => ids.Contains(r.QuestionId)).ToListAsync(ct);
        var changed = await db.QuestionStatusChanges.Where(c => ids.Contains(c.QuestionId)).ToListAsync(ct);
        return [.. questions.OrderBy(q => q.Id, StringComparer.Ordinal).Select(q => new QuestionSummary(
            q.Id, titles.Single(r => r.QuestionId == q.Id && r.Revision == q.CurrentRevision).Content.Title, q.OrganisationId, q.Status,
            q.CreatedAt, q.SubmittedAt,
            titles.Where(r => r.QuestionId == q.Id).Select(r => r.ChangedAt).Concat(changed.Where(c => c.QuestionId == q.Id).Select(c => c.At)).Max(),
            q.ProjectId))];
    }

    public async Task<QuestionDetails> GetAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(user, db, ct);
        var q = await db.Questions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct);
        if (q is null || !QuestionVisibility.CanSee(q.OrganisationId, q.Status, viewer))
        {
            throw new NotFoundException($"there is no question '{id}' that you can see");
        }
        var revisions = await db.QuestionRevisions.AsNoTracking().Where(r => r.QuestionId == id).OrderBy(r => r.Revision).ToListAsync(ct);
        var history = await db.QuestionStatusChanges.AsNoTracking().Where(c => c.QuestionId == id).OrderBy(c => c.Sequence).ToListAsync(ct);
        var names = await NamesAsync([q.CreatedBy, .. revisions.Select(r => r.ChangedBy), .. history.Select(h => h.By)], ct);
        var assessment = viewer.IsSteering ? await AssessmentAsync(q, viewer, ct) : null;
        var outputIds = history.Where(h => h.OutputId is not null).Select(h => h.OutputId!).Distinct().ToList();
        // Who may open an output is the output's rule (its author or an output checker), not the question's.
        var visibleOutputs = viewer.Is(WorkbenchRole.OutputChecker)
            ? outputIds.ToHashSet()
            : (await db.OutputRequests.AsNoTracking().Where(o => outputIds.Contains(o.Id) && o.AuthorId == viewer.UserId).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        return new QuestionDetails(
            q.Id, q.OrganisationId, Name(names, q.CreatedBy), q.Status, q.CurrentRevision, revisions.Single(r => r.Revision == q.CurrentRevision).Content,
            q.CreatedAt, q.SubmittedAt, q.RoundClosedAt, q.Decision, q.DecisionReason, q.DecidedAt, q.ProjectId,
            [.. history.Select(h => new StatusChangeView(h.From, h.To, h.At, Name(names, h.By), h.Note, h.OutputId, h.ReleaseVersion,
                h.OutputId is { } o && visibleOutputs.Contains(o)))],
            [.. revisions.Select(r => new RevisionView(r.Revision, r.Content, Name(names, r.ChangedBy), r.ChangedAt, r.Reason))],
            assessment);
    }

    /// <summary>The ranked backlog (closed rounds awaiting the chair, and parked questions) and the open rounds; steering group only.</summary>
    public async Task<Backlog> BacklogAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(user, db, ct);
        if (!viewer.IsSteering)
        {
            throw new AccessDeniedException("the backlog is the steering group's");
        }
        var waiting = await db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Assessed || q.Status == QuestionStatus.Parked
            || q.Status == QuestionStatus.Submitted || q.Status == QuestionStatus.InAssessment).ToListAsync(ct);
        var ids = waiting.Select(q => q.Id).ToList();
        var scores = await db.QuestionScores.AsNoTracking().Where(s => ids.Contains(s.QuestionId)).ToListAsync(ct);
        var revisions = await db.QuestionRevisions.AsNoTracking().Where(r => ids.Contains(r.QuestionId)).ToListAsync(ct);
        string Title(ResearchQuestion q) => revisions.Single(r => r.QuestionId == q.Id && r.Revision == q.CurrentRevision).Content.Title;
        List<QuestionScore> ScoresOf(ResearchQuestion q) => [.. scores.Where(s => s.QuestionId == q.Id)];
        var o = options.Value;
        var ranked = BacklogRanking.Rank(
            waiting.Where(q => QuestionLifecycle.AwaitsDecision(q.Status)).Select(q => new BacklogItem(q.Id, Title(q), q.Status, q.SubmittedAt!.Value, ScoresOf(q))), o);
        var members = await changes.CurrentMembersAsync(ct);
        var open = waiting.Where(q => QuestionLifecycle.IsRoundOpen(q.Status)).OrderBy(q => q.SubmittedAt)
            .Select(q => new OpenRound(q.Id, Title(q), q.SubmittedAt!.Value, ScoresOf(q).Count, members.Count, ScoresOf(q).Any(s => s.MemberId == viewer.UserId)));
        return new Backlog(o.Formula, PrioritisationOptions.TieBreaks, o.DisagreementSpread,
            [.. ranked.Select(r => new BacklogEntry(r.Rank, r.Item.QuestionId, r.Item.Title, r.Item.Status, r.Priority, r.Summary, r.TieBrokenBy, r.Item.SubmittedAt))],
            [.. open]);
    }

    /// <summary>The project an accepted question drafts, for an Admin to complete; refused in any other status.</summary>
    public async Task<ProjectRequest> ProjectDraftAsync(string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var details = await GetAsync(id, user, ct);
        if (details.Status != QuestionStatus.Accepted)
        {
            throw new InvalidStateTransitionException($"question {id} is {details.Status}: only an accepted question drafts a project");
        }
        return QuestionRules.DraftProject(id, details.Content, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    private async Task<AssessmentView> AssessmentAsync(ResearchQuestion q, QuestionViewer viewer, CancellationToken ct)
    {
        var scores = await db.QuestionScores.AsNoTracking().Where(s => s.QuestionId == q.Id).ToListAsync(ct);
        scores = [.. scores.OrderBy(s => s.ScoredAt).ThenBy(s => s.MemberId, StringComparer.Ordinal)];
        var visible = Assessment.VisibleTo(q.Status, scores, viewer.UserId);
        var names = await NamesAsync([.. visible.Select(s => s.MemberId)], ct);
        var members = await changes.CurrentMembersAsync(ct);
        var youScored = scores.Any(s => s.MemberId == viewer.UserId);
        var showAll = Assessment.ScoresVisible(q.Status);
        return new AssessmentView(
            showAll, scores.Count, members.Count, youScored,
            viewer.Is(WorkbenchRole.SteeringMember) && !youScored && QuestionLifecycle.IsRoundOpen(q.Status),
            [.. visible.Select(s => new ScoreView(Name(names, s.MemberId), s.Revision, s.Feasibility, s.DataAvailability, s.PolicyRelevance, s.Comment, s.ScoredAt))],
            showAll ? Assessment.Summarise(scores, options.Value) : null);
    }

    private async Task<Dictionary<string, string>> NamesAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        return await db.Users.Where(u => distinct.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);
    }

    private static string Name(Dictionary<string, string> names, string id) => names.GetValueOrDefault(id, id);
}
