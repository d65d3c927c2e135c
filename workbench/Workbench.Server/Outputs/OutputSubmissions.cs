using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OutputControl;
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
    IOptions<ReleaseOptions> options)
{
    private const int Attempts = 5;

    public async Task<OutputRequest> CreateAsync(string projectId, OutputSubmission body, ClaimsPrincipal caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        await CheckAuthorAsync(projectId, caller, ct);
        body.Validate();
        var checkedContent = await CheckAsync(projectId, body, ct);
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
                ReviewErrors.Run(() => review.Submit(Participant(caller)));
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
        ReviewErrors.Run(() => ReviewPermissions.CheckCanEdit(row.ToReview(), Participant(caller)));
        await CheckAuthorAsync(row.ProjectId, caller, ct);
        body.Validate();
        var checkedContent = await CheckAsync(row.ProjectId, body, ct);
        return await ChangeAsync(outputId, caller, AuditActions.OutputChanged, (r, review) =>
        {
            review.Edit(Participant(caller), checkedContent.Content.Hash, checkedContent.Verdict);
            r.Title = body.Title!.Trim();
            r.Content = checkedContent.Content.ToCanonicalText();
            r.CheckResult = checkedContent.Result;
            r.ComparedWith = checkedContent.ComparedWith;
        }, ct);
    }

    public Task<OutputRequest> SubmitAsync(string outputId, ClaimsPrincipal caller, CancellationToken ct) =>
        ChangeAsync(outputId, caller, AuditActions.OutputSubmitted, (_, review) => review.Submit(Participant(caller)), ct, OutputStep.Submitted);

    public Task<OutputRequest> WithdrawAsync(string outputId, ClaimsPrincipal caller, CancellationToken ct) =>
        ChangeAsync(outputId, caller, AuditActions.OutputWithdrawn, (_, review) => review.Withdraw(Participant(caller)), ct);

    /// <summary>The output, for its author or an output checker; anyone else learns nothing, not even that it exists.</summary>
    public async Task<OutputRequest> GetAsync(string outputId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var row = await db.OutputRequests.SingleOrDefaultAsync(o => o.Id == outputId, ct);
        if (row is null || !(row.AuthorId == caller.UserId() || caller.HasRole(WorkbenchRole.OutputChecker)))
        {
            throw new NotFoundException($"there is no output '{outputId}' that you can see");
        }
        return row;
    }

    /// <summary>The caller's own outputs, and for an output checker every output waiting for review; newest first.</summary>
    public async Task<IReadOnlyList<OutputRequest>> ListAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var me = caller.UserId();
        var open = new[] { ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed };
        var checker = caller.HasRole(WorkbenchRole.OutputChecker);
        return await db.OutputRequests.AsNoTracking()
            .Where(o => o.AuthorId == me || (checker && open.Contains(o.Status)))
            .OrderByDescending(o => o.Id).ToListAsync(ct);
    }

    internal static Participant Participant(ClaimsPrincipal caller) => new(caller.UserId(), caller.HasRole(WorkbenchRole.OutputChecker));

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

    private sealed record CheckedContent(OutputContent Content, string Result, Verdict Verdict, List<string> ComparedWith);

    /// <summary>
    /// Runs the gateway on the request with <c>previous</c> filled from the project's released outputs of the same
    /// kind, measure and dimensions (not retracted ones: they are no longer public).
    /// </summary>
    private async Task<CheckedContent> CheckAsync(string projectId, OutputSubmission body, CancellationToken ct)
    {
        var released = await db.ReleasedOutputs.AsNoTracking().Where(r => r.ProjectId == projectId)
            .Where(r => !db.Retractions.Any(x => x.OutputId == r.OutputId)).OrderBy(r => r.OutputId)
            .Select(r => new { r.OutputId, r.Content }).ToListAsync(ct);
        var shape = Shape(body.Request);
        var previous = new JsonArray();
        var compared = new List<string>();
        foreach (var r in released)
        {
            using var content = JsonDocument.Parse(r.Content);
            var output = content.RootElement.GetProperty("request").GetProperty("output");
            if (shape is not null && Shape(content.RootElement.GetProperty("request")) == shape)
            {
                previous.Add(JsonNode.Parse(output.GetRawText()));
                compared.Add(r.OutputId);
            }
        }
        var request = JsonNode.Parse(body.Request.GetRawText())!.AsObject();
        request["previous"] = previous;
        var result = ReviewErrors.Run(() => OutputChecker.Check(request.ToJsonString(), new CheckOptions { OptimalTimeLimit = options.Value.CheckTimeLimit }));
        var asSubmitted = new OutputContent(body.Title!.Trim(), body.Description!.Trim(), body.Justification!.Trim(), body.Request.Clone());
        return new CheckedContent(asSubmitted, ResultJson.Write(result), result.Verdict, compared);
    }

    /// <summary>Kind, measure and sorted dimension names: what makes two outputs comparable for differencing.</summary>
    private static string? Shape(JsonElement request)
    {
        if (!request.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Object
            || !output.TryGetProperty("dimensions", out var dims) || dims.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var names = dims.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("name", out _))
            .Select(d => d.GetProperty("name").ToString()).Order(StringComparer.Ordinal);
        var kind = output.TryGetProperty("kind", out var k) ? k.ToString() : "";
        var measure = output.TryGetProperty("measure", out var m) ? m.ToString() : "";
        return $"{kind}|{measure}|{string.Join('|', names)}";
    }
}
