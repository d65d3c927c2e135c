using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Microdata.Geography;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Questions;

/// <summary>
/// Every change to a research question: checks the rules and the lifecycle, records the status history, and audits
/// the change in the same transaction. The API, the pages and the demo seeding all come through here.
/// </summary>
public sealed class QuestionChanges(WorkbenchDbContext db, AuditTrail audit, TimeProvider time, AreaRegister areas, ProjectChanges projects)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<ResearchQuestion> CreateDraftAsync(QuestionContent content, ClaimsPrincipal actor, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(actor, db, ct);
        QuestionVisibility.CheckCanWrite(viewer.OrganisationId, viewer);
        QuestionRules.CheckDraft(content, areas);
        var now = time.GetUtcNow();
        var prefix = $"Q-{now:yyyy}-";
        var taken = await db.Questions.CountAsync(q => q.Id.StartsWith(prefix), ct);
        var question = new ResearchQuestion
        {
            Id = $"{prefix}{taken + 1:000}", OrganisationId = viewer.OrganisationId, CreatedBy = viewer.UserId, CreatedAt = now,
            Status = QuestionStatus.Draft, CurrentRevision = 1, Version = 1,
        };
        var stored = content.Normalised();
        db.Questions.Add(question);
        db.QuestionRevisions.Add(new QuestionRevision
        {
            QuestionId = question.Id, Revision = 1, Content = stored, ChangedBy = viewer.UserId, ChangedAt = now, Reason = "draft",
        });
        AddHistory(question, null, QuestionStatus.Draft, viewer.UserId, 1, null);
        await SaveAsync(question, viewer.UserId, AuditActions.QuestionCreated, new { organisation = question.OrganisationId, content = stored }, ct);
        return question;
    }

    /// <summary>Overwrites the draft's content; a submitted question changes only through <see cref="ReviseAsync"/>.</summary>
    public async Task<ResearchQuestion> SaveDraftAsync(string id, QuestionContent content, ClaimsPrincipal actor, CancellationToken ct)
    {
        var (question, viewer) = await LoadForWriteAsync(id, actor, ct);
        if (question.Status != QuestionStatus.Draft)
        {
            throw new InvalidStateTransitionException(
                $"question {id} was submitted and is {question.Status}: change it through a revision, with the reason");
        }
        QuestionRules.CheckDraft(content, areas);
        var revision = await db.QuestionRevisions.SingleAsync(r => r.QuestionId == id && r.Revision == 1, ct);
        revision.Content = content.Normalised();
        revision.ChangedBy = viewer.UserId;
        revision.ChangedAt = time.GetUtcNow();
        await SaveAsync(question, viewer.UserId, AuditActions.QuestionDraftSaved, new { content = revision.Content }, ct);
        return question;
    }

    public async Task<ResearchQuestion> SubmitAsync(string id, ClaimsPrincipal actor, CancellationToken ct)
    {
        var (question, viewer) = await LoadForWriteAsync(id, actor, ct);
        var to = QuestionLifecycle.TransitionTo(question.Status, QuestionStatus.Submitted, QuestionActor.Requester);
        var revision = await db.QuestionRevisions.AsNoTracking().SingleAsync(r => r.QuestionId == id && r.Revision == question.CurrentRevision, ct);
        QuestionRules.CheckSubmission(revision.Content, areas, Today);
        var sequence = await NextSequenceAsync(id, ct);
        question.SubmittedAt = time.GetUtcNow();
        Move(question, to, viewer.UserId, sequence, null);
        await SaveAsync(question, viewer.UserId, AuditActions.QuestionSubmitted, new { revision = question.CurrentRevision }, ct);
        return question;
    }

    /// <summary>Adds a revision to a submitted question while its round is open; scores already given keep the revision they scored.</summary>
    public async Task<QuestionRevision> ReviseAsync(string id, RevisionRequest request, ClaimsPrincipal actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (question, viewer) = await LoadForWriteAsync(id, actor, ct);
        if (question.Status == QuestionStatus.Draft)
        {
            throw new InvalidStateTransitionException($"question {id} is a draft: save the draft instead of revising it");
        }
        if (!QuestionLifecycle.IsRoundOpen(question.Status))
        {
            throw new InvalidStateTransitionException($"question {id} is {question.Status}: it can be revised only while its assessment round is open");
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw ValidationFailedException.For("reason", "say why the question changes");
        }
        QuestionRules.CheckSubmission(request.Question, areas, Today);
        question.CurrentRevision++;
        var revision = new QuestionRevision
        {
            QuestionId = id, Revision = question.CurrentRevision, Content = request.Question.Normalised(), ChangedBy = viewer.UserId,
            ChangedAt = time.GetUtcNow(), Reason = request.Reason.Trim(),
        };
        db.QuestionRevisions.Add(revision);
        await SaveAsync(question, viewer.UserId, AuditActions.QuestionRevised,
            new { revision = revision.Revision, reason = revision.Reason, content = revision.Content }, ct);
        return revision;
    }

    /// <summary>Records a member's one score; the round closes by itself when the last current member has scored.</summary>
    public async Task<ResearchQuestion> ScoreAsync(string id, ScoreRequest score, ClaimsPrincipal actor, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(actor, db, ct);
        if (!viewer.Is(WorkbenchRole.SteeringMember))
        {
            throw new AccessDeniedException("only steering-group members score questions");
        }
        var question = await LoadVisibleAsync(id, viewer, ct);
        var existing = await db.QuestionScores.AsNoTracking().Where(s => s.QuestionId == id).ToListAsync(ct);
        if (existing.FirstOrDefault(s => s.MemberId == viewer.UserId) is { } mine)
        {
            throw new ConflictException($"you already scored question {id} on {mine.ScoredAt:yyyy-MM-dd HH:mm} UTC; a score is given once and not changed");
        }
        if (!QuestionLifecycle.IsRoundOpen(question.Status))
        {
            throw new InvalidStateTransitionException(question.RoundClosedAt is { } closed
                ? $"the assessment round of question {id} closed on {closed:yyyy-MM-dd HH:mm} UTC: no more scores are taken"
                : $"question {id} is {question.Status}: it is not open for scoring");
        }
        QuestionRules.CheckScore(score);
        var now = time.GetUtcNow();
        var added = new QuestionScore
        {
            QuestionId = id, MemberId = viewer.UserId, Revision = question.CurrentRevision, Feasibility = score.Feasibility,
            DataAvailability = score.DataAvailability, PolicyRelevance = score.PolicyRelevance, Comment = score.Comment.Trim(), ScoredAt = now,
        };
        db.QuestionScores.Add(added);
        var sequence = await NextSequenceAsync(id, ct);
        if (question.Status == QuestionStatus.Submitted)
        {
            Move(question, QuestionLifecycle.TransitionTo(question.Status, QuestionStatus.InAssessment, QuestionActor.SteeringMember), viewer.UserId, sequence++, null);
        }
        var events = new List<AuditEvent>
        {
            AuditEvent.Create(viewer.UserId, AuditActions.QuestionScored, Subject(id), new
            {
                revision = added.Revision, feasibility = added.Feasibility, dataAvailability = added.DataAvailability,
                policyRelevance = added.PolicyRelevance, comment = added.Comment,
            }),
        };
        var members = await CurrentMembersAsync(ct);
        if (Assessment.AllScored(members, [.. existing, added]))
        {
            Move(question, QuestionLifecycle.TransitionTo(question.Status, QuestionStatus.Assessed, QuestionActor.System), "system", sequence, "every steering member scored");
            question.RoundClosedAt = now;
            events.Add(AuditEvent.Create("system", AuditActions.QuestionRoundClosed, Subject(id),
                new { scores = existing.Count + 1, members = members.Count, reason = "every steering member scored" }));
        }
        question.Version++;
        await SaveAllAsync(events, ct);
        return question;
    }

    /// <summary>The chair closes the round before every member has scored; at least one must have.</summary>
    public async Task<ResearchQuestion> CloseRoundAsync(string id, string? reason, ClaimsPrincipal actor, CancellationToken ct)
    {
        var viewer = await ChairAsync(actor, ct);
        var question = await LoadVisibleAsync(id, viewer, ct);
        if (question.Status == QuestionStatus.Submitted)
        {
            throw new InvalidStateTransitionException($"nobody has scored question {id} yet: a round closes with at least one score");
        }
        var to = QuestionLifecycle.TransitionTo(question.Status, QuestionStatus.Assessed, QuestionActor.Chair);
        var scores = await db.QuestionScores.CountAsync(s => s.QuestionId == id, ct);
        var members = await CurrentMembersAsync(ct);
        var note = string.IsNullOrWhiteSpace(reason) ? "closed by the chair" : $"closed by the chair: {reason.Trim()}";
        question.RoundClosedAt = time.GetUtcNow();
        Move(question, to, viewer.UserId, await NextSequenceAsync(id, ct), note);
        await SaveAsync(question, viewer.UserId, AuditActions.QuestionRoundClosed, new { scores, members = members.Count, reason = note }, ct);
        return question;
    }

    /// <summary>The chair accepts (drafting the project), parks, or rejects with a reason the requester sees.</summary>
    public async Task<ResearchQuestion> DecideAsync(string id, DecisionRequest decision, ClaimsPrincipal actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var viewer = await ChairAsync(actor, ct);
        var question = await LoadVisibleAsync(id, viewer, ct);
        QuestionRules.CheckDecision(decision);
        var to = QuestionLifecycle.TransitionTo(question.Status, QuestionLifecycle.StatusAfter(decision.Decision), QuestionActor.Chair);
        var reason = string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason.Trim();
        var now = time.GetUtcNow();
        (question.Decision, question.DecisionReason, question.DecidedBy, question.DecidedAt) = (decision.Decision, reason, viewer.UserId, now);
        Move(question, to, viewer.UserId, await NextSequenceAsync(id, ct), reason);
        var revision = await db.QuestionRevisions.AsNoTracking().SingleAsync(r => r.QuestionId == id && r.Revision == question.CurrentRevision, ct);
        var (action, data) = decision.Decision switch
        {
            QuestionDecision.Accept => (AuditActions.QuestionAccepted, (object)new { reason, revision = revision.Revision, projectDraft = QuestionRules.DraftProject(id, revision.Content, Today) }),
            QuestionDecision.Park => (AuditActions.QuestionParked, new { reason, revision = revision.Revision }),
            _ => (AuditActions.QuestionRejected, new { reason, revision = revision.Revision }),
        };
        await SaveAsync(question, viewer.UserId, action, data, ct);
        return question;
    }

    /// <summary>An Admin creates the project that the accepted question drafted; project and question change together.</summary>
    public async Task<ProjectVersion> StartProjectAsync(string id, ProjectDefinition definition, ClaimsPrincipal actor, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(actor, db, ct);
        if (!viewer.Is(WorkbenchRole.Admin))
        {
            throw new AccessDeniedException("only an Admin creates the project of an accepted question");
        }
        var question = await LoadVisibleAsync(id, viewer, ct);
        var to = QuestionLifecycle.TransitionTo(question.Status, QuestionStatus.ProjectStarted, QuestionActor.Admin);
        var sequence = await NextSequenceAsync(id, ct);
        return await projects.CreateAsync(definition, actor, ct, project =>
        {
            question.ProjectId = project.Id;
            question.Version++;
            Move(question, to, viewer.UserId, sequence, project.Id);
            return [AuditEvent.Create(viewer.UserId, AuditActions.QuestionProjectStarted, Subject(id), new { project = project.Id })];
        });
    }

    /// <summary>
    /// Moves the questions whose project is <paramref name="projectId"/> on after an output step (see
    /// <see cref="QuestionLifecycle.StatusAfter(QuestionStatus, OutputStep, bool)"/>), recording the output and release
    /// in the track. Saves nothing: it adds the changes to the caller's unit of work and returns the audit events for
    /// them, so that the output's change, the question's and their audit entries are one transaction. Each moved
    /// question's <see cref="ResearchQuestion.Version"/> goes up, so a caller that retries on a concurrency conflict
    /// (clearing the tracker) calls this again on the state as it is then.
    /// </summary>
    public async Task<IReadOnlyList<AuditEvent>> TrackOutputAsync(
        string projectId, OutputStep step, string outputId, string? releaseVersion, string? reason, CancellationToken ct)
    {
        var questions = await db.Questions.Where(q => q.ProjectId == projectId).ToListAsync(ct);
        if (questions.Count == 0) return [];
        var othersPublic = step == OutputStep.Retracted && await db.ReleasedOutputs
            .AnyAsync(r => r.ProjectId == projectId && r.OutputId != outputId && !db.Retractions.Any(x => x.OutputId == r.OutputId), ct);
        var events = new List<AuditEvent>();
        foreach (var question in questions)
        {
            if (QuestionLifecycle.StatusAfter(question.Status, step, othersPublic) is not { } next) continue;
            var to = QuestionLifecycle.TransitionTo(question.Status, next, QuestionActor.System);
            var (note, action) = step switch
            {
                OutputStep.Submitted => ($"output {outputId} submitted for review", AuditActions.QuestionOutputInReview),
                OutputStep.Released => ($"output {outputId} released in {releaseVersion}", AuditActions.QuestionReleased),
                _ => ($"output {outputId} retracted: {reason}", AuditActions.QuestionRetracted),
            };
            var from = question.Status;
            db.QuestionStatusChanges.Add(new QuestionStatusChange
            {
                QuestionId = question.Id, Sequence = await NextSequenceAsync(question.Id, ct), From = from, To = to, At = time.GetUtcNow(),
                By = "system", Note = note, OutputId = outputId, ReleaseVersion = step == OutputStep.Released ? releaseVersion : null,
            });
            question.Status = to;
            question.Version++;
            events.Add(AuditEvent.Create("system", action, Subject(question.Id), new
            {
                from = from.ToString(), to = to.ToString(), project = projectId, output = outputId,
                release = step == OutputStep.Released ? releaseVersion : null,
            }));
        }
        return events;
    }

    /// <summary>The users who hold SteeringMember now and are not locked: every one of them scores before a round closes by itself.</summary>
    internal async Task<IReadOnlyCollection<string>> CurrentMembersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var members = await db.RoleAssignments.Where(a => a.Role == WorkbenchRole.SteeringMember)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
        return members.Where(m => m.LockoutEnd is not { } end || end <= now).Select(m => m.Id).ToHashSet();
    }

    private async Task<QuestionViewer> ChairAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(actor, db, ct);
        return viewer.Is(WorkbenchRole.SteeringChair) ? viewer : throw new AccessDeniedException("only the steering group's chair may do this");
    }

    private async Task<(ResearchQuestion, QuestionViewer)> LoadForWriteAsync(string id, ClaimsPrincipal actor, CancellationToken ct)
    {
        var viewer = await QuestionViewer.OfAsync(actor, db, ct);
        var question = await LoadVisibleAsync(id, viewer, ct);
        QuestionVisibility.CheckCanWrite(question.OrganisationId, viewer);
        return (question, viewer);
    }

    private async Task<ResearchQuestion> LoadVisibleAsync(string id, QuestionViewer viewer, CancellationToken ct)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == id, ct);
        // Someone who may not see it learns nothing, not even that it exists.
        return question is not null && QuestionVisibility.CanSee(question.OrganisationId, question.Status, viewer)
            ? question
            : throw new NotFoundException($"there is no question '{id}' that you can see");
    }

    private async Task<int> NextSequenceAsync(string id, CancellationToken ct) =>
        (await db.QuestionStatusChanges.Where(c => c.QuestionId == id).MaxAsync(c => (int?)c.Sequence, ct) ?? 0) + 1;

    private void Move(ResearchQuestion question, QuestionStatus to, string by, int sequence, string? note)
    {
        AddHistory(question, question.Status, to, by, sequence, note);
        question.Status = to;
    }

    private void AddHistory(ResearchQuestion question, QuestionStatus? from, QuestionStatus to, string by, int sequence, string? note) =>
        db.QuestionStatusChanges.Add(new QuestionStatusChange
        {
            QuestionId = question.Id, Sequence = sequence, From = from, To = to, At = time.GetUtcNow(), By = by, Note = note,
        });

    private Task SaveAsync(ResearchQuestion question, string actor, string action, object data, CancellationToken ct)
    {
        if (db.Entry(question).State != EntityState.Added) question.Version++;
        return SaveAllAsync([AuditEvent.Create(actor, action, Subject(question.Id), data)], ct);
    }

    private async Task SaveAllAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        try
        {
            await audit.SaveChangesAsync(events, ct);
        }
        catch (DbUpdateException e)
        {
            throw new ConflictException($"the question was changed at the same time by someone else: reload it and try again ({e.GetType().Name})");
        }
    }

    internal static string Subject(string id) => $"question:{id}";
}
