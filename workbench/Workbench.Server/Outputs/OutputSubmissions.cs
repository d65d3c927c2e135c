using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutputControl;
using OutputControl.Requests;
using OutputControl.Results;
using OutputControl.Review;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Questions;

namespace Workbench.Server.Outputs;

/// <summary>
/// What authors do with outputs: submit (stored with its content hash and the gateway's check against the project's
/// release history), change (every vote is void), submit again, withdraw; and who may see an output. Each change is
/// audited in its transaction; a submission also moves the track of the research question the project answers
/// (<see cref="QuestionChanges.TrackOutputAsync"/>) in that transaction.
/// </summary>
public sealed class OutputSubmissions(
    WorkbenchDbContext db, AuditTrail audit, TimeProvider time, ProjectChanges projects, QuestionChanges questions,
    IOptions<ReleaseOptions> options, IOptions<DisclosurePolicyOptions> policy)
{
    private const int Attempts = 5;

    public async Task<OutputRequest> CreateAsync(string projectId, OutputSubmission body, ClaimsPrincipal caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        await CheckAuthorAsync(projectId, caller, ct);
        body.Validate();
        var checkedContent = await CheckAsync(projectId, body, caller, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow();
            var prefix = $"O-{now:yyyy}-";
            var taken = await db.OutputRequests.CountAsync(o => o.Id.StartsWith(prefix), ct);
            var review = OutputReview.CreateDraft(caller.UserId(), checkedContent.Content.Hash, checkedContent.Verdict);
            var submit = body.Submit ?? true;
            if (submit)
            {
                ReviewErrors.Run(() => review.Submit(Author(caller)));
            }
            var row = new OutputRequest
            {
                Id = $"{prefix}{taken + 1:0000}", ProjectId = projectId, AuthorId = caller.UserId(), Title = body.Title!.Trim(),
                Content = checkedContent.Content.ToCanonicalText(), ContentHash = review.ContentHash.Hex, CheckResult = checkedContent.Result,
                Verdict = review.Verdict, ComparedWith = checkedContent.ComparedWith, Status = review.Status, Version = 0,
                CreatedAt = now, UpdatedAt = now,
            };
            row.Apply(review, now);
            db.OutputRequests.Add(row);
            List<AuditEvent> events = [Event(caller, submit ? AuditActions.OutputSubmitted : AuditActions.OutputDrafted, row)];
            if (submit)
            {
                events.AddRange(await questions.TrackOutputAsync(projectId, OutputStep.Submitted, row.Id, null, null, ct));
            }
            try
            {
                await audit.SaveChangesAsync(events, ct);
                return row;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another submission took the same number at the same moment: take the next one.
            }
        }
    }

    public async Task<OutputRequest> EditAsync(string outputId, OutputSubmission body, ClaimsPrincipal caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var row = await GetAsync(outputId, caller, ct);
        ReviewErrors.Run(() => ReviewPermissions.CheckCanEdit(row.ToReview(), Author(caller)));
        await CheckAuthorAsync(row.ProjectId, caller, ct);
        body.Validate();
        var checkedContent = await CheckAsync(row.ProjectId, body, caller, ct);
        return await ChangeAsync(outputId, caller, AuditActions.OutputChanged, (r, review) =>
        {
            review.Edit(Author(caller), checkedContent.Content.Hash, checkedContent.Verdict);
            r.Title = body.Title!.Trim();
            r.Content = checkedContent.Content.ToCanonicalText();
            r.CheckResult = checkedContent.Result;
            r.ComparedWith = checkedContent.ComparedWith;
        }, ct);
    }

    public Task<OutputRequest> SubmitAsync(string outputId, ClaimsPrincipal caller, CancellationToken ct) =>
        ChangeAsync(outputId, caller, AuditActions.OutputSubmitted, (_, review) => review.Submit(Author(caller)), ct, OutputStep.Submitted);

    public Task<OutputRequest> WithdrawAsync(string outputId, ClaimsPrincipal caller, CancellationToken ct) =>
        ChangeAsync(outputId, caller, AuditActions.OutputWithdrawn, (_, review) => review.Withdraw(Author(caller)), ct);

    /// <summary>
    /// The output, for its author or an output checker assigned to its project; anyone else learns nothing, not even
    /// that it exists.
    /// </summary>
    public async Task<OutputRequest> GetAsync(string outputId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var row = await db.OutputRequests.SingleOrDefaultAsync(o => o.Id == outputId, ct);
        if (row is null || !(row.AuthorId == caller.UserId()
            || (caller.HasRole(WorkbenchRole.OutputChecker) && (await ParticipantAsync(caller, row.ProjectId, ct)).ChecksProject)))
        {
            throw new NotFoundException($"there is no output '{outputId}' that you can see");
        }
        return row;
    }

    /// <summary>
    /// The caller's own outputs, and for an output checker the outputs under review that they may review now (of the
    /// projects they are assigned to as an output checker and are not a data scientist of); newest first.
    /// </summary>
    public async Task<IReadOnlyList<OutputSummary>> ListAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var me = caller.UserId();
        var open = new[] { ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed };
        var members = caller.HasRole(WorkbenchRole.OutputChecker) ? await MembersAsync(null, ct) : [];
        var checks = members.Where(p => p.Value.Any(m => m.UserId == me && m.Role == WorkbenchRole.OutputChecker)).Select(p => p.Key).ToList();
        var rows = await db.OutputRequests.AsNoTracking()
            .Where(o => o.AuthorId == me || (checks.Contains(o.ProjectId) && open.Contains(o.Status)))
            .OrderByDescending(o => o.Id).ToListAsync(ct);
        return [.. rows
            .Select(o => OutputSummary.From(o, Participant(caller, members.GetValueOrDefault(o.ProjectId, []))))
            .Where(o => o.Mine || o.CanReview)];
    }

    /// <summary>The output as <paramref name="caller"/> sees it, with what they may do now.</summary>
    public async Task<OutputResponse> ResponseAsync(OutputRequest row, ClaimsPrincipal caller, ReleaseInfo? release, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        return OutputResponse.From(row, await ParticipantAsync(caller, row.ProjectId, ct), release);
    }

    /// <summary>
    /// The caller as a participant in the project's outputs: the organisation's OutputChecker role from the
    /// caller, whether they are assigned to the project as an output checker or are one of its data scientists from
    /// the project's current version. The library decides what that allows (<see cref="ReviewPermissions"/>).
    /// </summary>
    public async Task<Participant> ParticipantAsync(ClaimsPrincipal caller, string projectId, CancellationToken ct) =>
        Participant(caller, (await MembersAsync(projectId, ct)).GetValueOrDefault(projectId, []));

    /// <summary>The caller acting as an author: only who they are counts.</summary>
    private static Participant Author(ClaimsPrincipal caller) => new(caller.UserId(), caller.HasRole(WorkbenchRole.OutputChecker));

    internal static Participant Participant(ClaimsPrincipal caller, IReadOnlyList<ProjectMember> members)
    {
        var me = caller.UserId();
        return new Participant(me, caller.HasRole(WorkbenchRole.OutputChecker))
        {
            ChecksProject = members.Any(m => m.UserId == me && m.Role == WorkbenchRole.OutputChecker),
            AnalysesProject = members.Any(m => m.UserId == me && m.Role == WorkbenchRole.DataScientist),
        };
    }

    /// <summary>The members of the current version of one project, or of every project when <paramref name="projectId"/> is null.</summary>
    private async Task<Dictionary<string, IReadOnlyList<ProjectMember>>> MembersAsync(string? projectId, CancellationToken ct)
    {
        var versions = await db.CurrentVersionsOf(projectId is null ? null : db.Projects.Where(p => p.Id == projectId)).AsNoTracking().ToListAsync(ct);
        return versions.ToDictionary(v => v.ProjectId, v => v.Definition.Members);
    }

    internal static AuditEvent Event(ClaimsPrincipal caller, string action, OutputRequest row, object? extra = null) =>
        AuditEvent.Create(caller.UserId(), action, $"output:{row.Id}", new
        {
            project = row.ProjectId, status = row.Status.ToString(), round = row.Round, contentHash = row.ContentHash,
            verdict = row.Verdict.ToString(), extra,
        });

    private async Task<OutputRequest> ChangeAsync(
        string outputId, ClaimsPrincipal caller, string action, Action<OutputRequest, OutputReview> change, CancellationToken ct,
        OutputStep? step = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var row = await GetAsync(outputId, caller, ct);
            var review = row.ToReview();
            ReviewErrors.Run(() => change(row, review));
            row.Apply(review, time.GetUtcNow());
            List<AuditEvent> events = [Event(caller, action, row)];
            if (step is { } s)
            {
                events.AddRange(await questions.TrackOutputAsync(row.ProjectId, s, row.Id, null, null, ct));
            }
            try
            {
                await audit.SaveChangesAsync(events, ct);
                return row;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A checker voted (or the question moved) at the same moment: apply the change to the state as it is now.
            }
        }
    }

    /// <summary>The author must be one of the project's data scientists, within retention, with a token for this project.</summary>
    private async Task CheckAuthorAsync(string projectId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var version = await projects.GetCurrentAsync(projectId, caller, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var refusal = OpenId.TokenPrincipals.ProjectBindingRefusal(caller, projectId)
            ?? (today > version.Definition.RetentionEnd
                ? $"the project's retention period ended on {version.Definition.RetentionEnd:yyyy-MM-dd}: it releases nothing more"
                : !version.Definition.Members.Any(m => m.UserId == caller.UserId() && m.Role == WorkbenchRole.DataScientist)
                    ? "only the project's data scientists submit its outputs"
                    : null);
        if (refusal is not null)
        {
            throw new AccessDeniedException(refusal);
        }
    }

    /// <summary>An earlier output as the public saw it: each cell the public table did not publish is marked.</summary>
    private static JsonObject AsReleased(string output, PublicTable seen)
    {
        var node = JsonNode.Parse(output)!.AsObject();
        if (node["cells"] is JsonArray cells)
        {
            foreach (var cell in cells.OfType<JsonObject>())
            {
                var key = cell["key"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
                if (seen.ValueOf(key) is null)
                {
                    cell["suppressed"] = true;
                }
            }
        }

        return node;
    }

    private sealed record CheckedContent(OutputContent Content, string Result, Verdict Verdict, List<string> ComparedWith);

    /// <summary>
    /// Runs the gateway on the request under the server's configured policy (a weaker asked policy is refused, any
    /// other ignored), with <c>previous</c> filled from the released outputs it is linked with (not retracted ones:
    /// they are no longer public): the project's own, and any project's that declare the same population; linked by
    /// content — same kind, measure and population, a spanning variable in common (dimensions sharing categories)
    /// whatever their names. Each earlier cell carries whether the public saw it, so the gateway protects the output
    /// and those releases as one cover table. The stored request carries the applied policy, every field, so the
    /// content both checkers approve is bound to the policy it was checked under.
    /// </summary>
    private async Task<CheckedContent> CheckAsync(string projectId, OutputSubmission body, ClaimsPrincipal caller, CancellationToken ct)
    {
        var output = body.Request.TryGetProperty("output", out var o) ? o.GetRawText() : null;
        var population = o.ValueKind == JsonValueKind.Object && o.TryGetProperty("population", out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString() : null;
        var released = await db.ReleasedOutputs.AsNoTracking()
            .Where(r => r.ProjectId == projectId || (population != null && r.Content.Contains(population)))
            .Where(r => !db.Retractions.Any(x => x.OutputId == r.OutputId)).OrderBy(r => r.OutputId)
            .Select(r => new { r.OutputId, r.ProjectId, r.Content, r.PublicTable }).ToListAsync(ct);
        var previous = new JsonArray();
        var compared = new List<string>();
        foreach (var r in released)
        {
            using var content = JsonDocument.Parse(r.Content);
            var earlier = content.RootElement.GetProperty("request").GetProperty("output");
            if (r.ProjectId != projectId && !(earlier.TryGetProperty("population", out var ep) && ep.ValueKind == JsonValueKind.String && ep.GetString() == population))
            {
                continue;
            }

            var before = earlier.GetRawText();
            if (output is not null && RequestParser.AreComparable(output, before))
            {
                previous.Add(AsReleased(before, PublicTable.FromJson(r.PublicTable)));
                compared.Add(r.OutputId);
            }
        }
        var request = JsonNode.Parse(body.Request.GetRawText())!.AsObject();
        request["previous"] = previous;
        var enforced = policy.Value.ToPolicy();
        CheckResult result;
        try
        {
            result = ReviewErrors.Run(() => OutputChecker.CheckUnder(
                request.ToJsonString(), enforced, new CheckOptions { OptimalTimeLimit = options.Value.CheckTimeLimit }));
        }
        catch (PolicyRefusedException e)
        {
            // An author asking for a weaker policy is trying to take out what the rules would stop: on the record.
            await audit.SaveChangesAsync([AuditEvent.Create(caller.UserId(), AuditActions.OutputPolicyRefused, $"project:{projectId}",
                new { weaker = e.Weakenings.Select(w => new { field = w.Field, problem = w.Problem }) })], ct);
            throw ReviewErrors.Refused(e);
        }
        var stored = JsonNode.Parse(body.Request.GetRawText())!.AsObject();
        stored["policy"] = JsonNode.Parse(ResultJson.WritePolicy(result.Policy));
        using var storedRequest = JsonDocument.Parse(stored.ToJsonString());
        var asChecked = new OutputContent(body.Title!.Trim(), body.Description!.Trim(), body.Justification!.Trim(), storedRequest.RootElement.Clone());
        return new CheckedContent(asChecked, ResultJson.Write(result), result.Verdict, compared);
    }
}
