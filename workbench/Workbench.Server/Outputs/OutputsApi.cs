using OutputControl.Review;
using Workbench.Server.Identity;

namespace Workbench.Server.Outputs;

public static class OutputsApi
{
    public static IEndpointRouteBuilder MapOutputsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/projects/{id}/outputs", async (
                string id, OutputSubmission body, OutputSubmissions outputs, HttpContext http, CancellationToken ct) =>
            {
                var row = await outputs.CreateAsync(id, body, http.User, ct);
                return TypedResults.Created($"/api/outputs/{row.Id}", await outputs.ResponseAsync(row, http.User, null, ct));
            })
            .WithTags("Outputs")
            .WithSummary("Submit an output for release (the project's data scientists; a kernel token of the project may too): stored with its SHA-256 and the automatic check; audited");

        var outputs = app.MapGroup("/api/outputs").WithTags("Outputs");

        outputs.MapGet("/", async (OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                await submissions.ListAsync(http.User, ct))
            .WithSummary("The caller's own outputs and, for an output checker, the outputs under review they may review (of the projects they are assigned to as output checker)");

        outputs.MapGet("/{id}", async (string id, OutputSubmissions submissions, ReleaseLookup releases, HttpContext http, CancellationToken ct) =>
                await submissions.ResponseAsync(await submissions.GetAsync(id, http.User, ct), http.User, await releases.FindAsync(id, ct), ct))
            .WithSummary("An output with its check result, the policy applied and the votes the caller may see (its author and the project's output checkers)");

        outputs.MapPut("/{id}", async (string id, OutputSubmission body, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                await submissions.ResponseAsync(await submissions.EditAsync(id, body, http.User, ct), http.User, null, ct))
            .WithSummary("Change an output (its author): checked again, and every vote is void");

        outputs.MapPost("/{id}/submit", async (string id, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                await submissions.ResponseAsync(await submissions.SubmitAsync(id, http.User, ct), http.User, null, ct))
            .WithSummary("Hand a draft or returned output to the checkers (its author)");

        outputs.MapPost("/{id}/withdraw", async (string id, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                await submissions.ResponseAsync(await submissions.WithdrawAsync(id, http.User, ct), http.User, null, ct))
            .WithSummary("Withdraw an output for good (its author)");

        outputs.MapPost("/{id}/approve", (string id, VoteRequest body, ReviewActions reviews, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                VoteAsync(id, Vote.Approve, body, reviews, submissions, http, ct))
            .RequireAuthorization(Policies.OutputChecker, Policies.RecentMfa)
            .WithSummary("Approve the content with this hash (an output checker who is not the author, with a recent MFA sign-in); the second approval releases it");

        outputs.MapPost("/{id}/return", (string id, VoteRequest body, ReviewActions reviews, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                VoteAsync(id, Vote.ReturnForChanges, body, reviews, submissions, http, ct))
            .RequireAuthorization(Policies.OutputChecker)
            .WithSummary("Ask the author for changes, with a comment (an output checker who is not the author)");

        outputs.MapPost("/{id}/reject", (string id, VoteRequest body, ReviewActions reviews, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                VoteAsync(id, Vote.Reject, body, reviews, submissions, http, ct))
            .RequireAuthorization(Policies.OutputChecker)
            .WithSummary("Reject the output, with a comment (an output checker who is not the author)");

        outputs.MapPost("/{id}/retract", async (string id, RetractRequest body, ReviewActions reviews, HttpContext http, CancellationToken ct) =>
                await reviews.RetractAsync(id, body.Reason, http.User, ct))
            .RequireAuthorization(Policies.OutputChecker, Policies.RecentMfa)
            .WithSummary("Retract a released output: a new audited event; the dashboard stops showing its figures (an output checker, recent MFA)");

        outputs.MapGet("/{id}/receipt", async (string id, ReviewActions reviews, HttpContext http, CancellationToken ct) =>
                await reviews.ReceiptAsync(id, http.User, ct) is { } r
                    ? Results.Ok(new ReceiptResponse(r.Receipt, r.Valid))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"output {id} has not been released"))
            .WithSummary("The signed release receipt of a released output, verified with the server's key");

        app.MapGet("/api/releases", async (ReleaseLookup releases, HttpContext http, CancellationToken ct) => await releases.ReleasesForAsync(http.User, ct))
            .WithTags("Releases")
            .WithSummary("Every release from its release date on, with its outputs as the public dashboard shows them (published values only); before that date only to Admins and the output checkers of the outputs' projects");

        return app;
    }

    private static async Task<OutputResponse> VoteAsync(
        string id, Vote vote, VoteRequest body, ReviewActions reviews, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
        await submissions.ResponseAsync(await reviews.VoteAsync(id, vote, body.ContentHash, body.Comment, http.User, ct), http.User, null, ct);
}
