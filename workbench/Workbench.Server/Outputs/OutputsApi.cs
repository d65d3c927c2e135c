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
                return TypedResults.Created($"/api/outputs/{row.Id}", OutputResponse.From(row, http.User));
            })
            .WithTags("Outputs")
            .WithSummary("Submit an output for release (the project's data scientists; a kernel token of the project may too): stored with its SHA-256 and the automatic check; audited");

        var outputs = app.MapGroup("/api/outputs").WithTags("Outputs");

        outputs.MapGet("/", async (OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                (await submissions.ListAsync(http.User, ct)).Select(o => OutputSummary.From(o, http.User)))
            .WithSummary("The caller's own outputs and, for an output checker, every output waiting for review");

        outputs.MapGet("/{id}", async (string id, OutputSubmissions submissions, ReleaseLookup releases, HttpContext http, CancellationToken ct) =>
                OutputResponse.From(await submissions.GetAsync(id, http.User, ct), http.User, await releases.FindAsync(id, ct)))
            .WithSummary("An output with its check result and the votes the caller may see (its author and output checkers)");

        outputs.MapPut("/{id}", async (string id, OutputSubmission body, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                OutputResponse.From(await submissions.EditAsync(id, body, http.User, ct), http.User))
            .WithSummary("Change an output (its author): checked again, and every vote is void");

        outputs.MapPost("/{id}/submit", async (string id, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                OutputResponse.From(await submissions.SubmitAsync(id, http.User, ct), http.User))
            .WithSummary("Hand a draft or returned output to the checkers (its author)");

        outputs.MapPost("/{id}/withdraw", async (string id, OutputSubmissions submissions, HttpContext http, CancellationToken ct) =>
                OutputResponse.From(await submissions.WithdrawAsync(id, http.User, ct), http.User))
            .WithSummary("Withdraw an output for good (its author)");

        outputs.MapPost("/{id}/approve", (string id, VoteRequest body, ReviewActions reviews, HttpContext http, CancellationToken ct) =>
                VoteAsync(id, Vote.Approve, body, reviews, http, ct))
            .RequireAuthorization(Policies.OutputChecker, Policies.RecentMfa)
            .WithSummary("Approve the content with this hash (an output checker who is not the author, with a recent MFA sign-in); the second approval releases it");

        outputs.MapPost("/{id}/return", (string id, VoteRequest body, ReviewActions reviews, HttpContext http, CancellationToken ct) =>
                VoteAsync(id, Vote.ReturnForChanges, body, reviews, http, ct))
            .RequireAuthorization(Policies.OutputChecker)
            .WithSummary("Ask the author for changes, with a comment (an output checker who is not the author)");

        outputs.MapPost("/{id}/reject", (string id, VoteRequest body, ReviewActions reviews, HttpContext http, CancellationToken ct) =>
                VoteAsync(id, Vote.Reject, body, reviews, http, ct))
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

        app.MapGet("/api/releases", async (ReleaseLookup releases, CancellationToken ct) => await releases.ReleasesAsync(ct))
            .WithTags("Releases")
            .WithSummary("Every release with its outputs as the public dashboard shows them (published values only)");

        return app;
    }

    private static async Task<OutputResponse> VoteAsync(string id, Vote vote, VoteRequest body, ReviewActions reviews, HttpContext http, CancellationToken ct) =>
        OutputResponse.From(await reviews.VoteAsync(id, vote, body.ContentHash, body.Comment, http.User, ct), http.User);
}
