using Workbench.Microdata.Geography;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Questions;

public static class QuestionsApi
{
    /// <summary>
    /// Research questions: requesters write and submit them, steering members score them, the chair closes rounds and
    /// decides, an Admin creates the project an accepted question drafted. Every change is audited (<see cref="QuestionChanges"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapQuestionsApi(this IEndpointRouteBuilder app)
    {
        var questions = app.MapGroup("/api/questions").WithTags("Questions");

        questions.MapGet("/", async (QuestionReader reader, HttpContext http, CancellationToken ct) => await reader.ListAsync(http.User, ct))
            .WithSummary("The questions the caller may see: a requester their organisation's, the steering group and Admins every submitted one");

        questions.MapGet("/backlog", async (QuestionReader reader, HttpContext http, CancellationToken ct) => await reader.BacklogAsync(http.User, ct))
            .RequireAuthorization(Policies.Steering)
            .WithSummary("The ranked backlog with its formula and tie-breaks, and the rounds still open (steering group)");

        questions.MapGet("/{id}", async (string id, QuestionReader reader, HttpContext http, CancellationToken ct) => await reader.GetAsync(id, http.User, ct))
            .WithSummary("A question: content, status history, revisions, decision; for the steering group the assessment as far as it may be seen");

        questions.MapPost("/", async (QuestionContent content, QuestionChanges changes, QuestionReader reader, HttpContext http, CancellationToken ct) =>
            {
                var question = await changes.CreateDraftAsync(content, http.User, ct);
                return TypedResults.Created($"/api/questions/{question.Id}", await reader.GetAsync(question.Id, http.User, ct));
            })
            .RequireAuthorization(Policies.Requester)
            .WithSummary("Start a draft question for the caller's organisation (Requester)");

        questions.MapPut("/{id}", async (string id, QuestionContent content, QuestionChanges changes, QuestionReader reader, HttpContext http, CancellationToken ct) =>
            {
                await changes.SaveDraftAsync(id, content, http.User, ct);
                return await reader.GetAsync(id, http.User, ct);
            })
            .RequireAuthorization(Policies.Requester)
            .WithSummary("Save a draft; refused once submitted (Requester of its organisation)");

        questions.MapPost("/{id}/submit", async (string id, QuestionChanges changes, QuestionReader reader, HttpContext http, CancellationToken ct) =>
            {
                await changes.SubmitAsync(id, http.User, ct);
                return await reader.GetAsync(id, http.User, ct);
            })
            .RequireAuthorization(Policies.Requester)
            .WithSummary("Submit a complete draft: it opens the assessment round (Requester of its organisation)");

        questions.MapPost("/{id}/revisions", async (string id, RevisionRequest request, QuestionChanges changes, QuestionReader reader, HttpContext http, CancellationToken ct) =>
            {
                await changes.ReviseAsync(id, request, http.User, ct);
                return await reader.GetAsync(id, http.User, ct);
            })
            .RequireAuthorization(Policies.Requester)
            .WithSummary("Revise a submitted question while its round is open, with the reason; earlier revisions stay (Requester of its organisation)");

        questions.MapPost("/{id}/scores", async (string id, ScoreRequest score, QuestionChanges changes, QuestionReader reader, HttpContext http, CancellationToken ct) =>
            {
                await changes.ScoreAsync(id, score, http.User, ct);
                return await reader.GetAsync(id, http.User, ct);
            })
            .RequireAuthorization(Policies.SteeringMember)
            .WithSummary("Score feasibility, data availability and policy relevance (1-5) with a comment, once (SteeringMember)");

        questions.MapPost("/{id}/close-round", async (string id, CloseRoundRequest request, QuestionChanges changes, QuestionReader reader, HttpContext http, CancellationToken ct) =>
            {
                await changes.CloseRoundAsync(id, request?.Reason, http.User, ct);
                return await reader.GetAsync(id, http.User, ct);
            })
            .RequireAuthorization(Policies.SteeringChair)
            .WithSummary("Close the assessment round before every member has scored; the scores become visible (SteeringChair)");

        questions.MapPost("/{id}/decision", async (string id, DecisionRequest decision, QuestionChanges changes, QuestionReader reader, HttpContext http, CancellationToken ct) =>
            {
                await changes.DecideAsync(id, decision, http.User, ct);
                return await reader.GetAsync(id, http.User, ct);
            })
            .RequireAuthorization(Policies.SteeringChair)
            .WithSummary("Accept (drafts a project), park, or reject with a reason the requester sees (SteeringChair)");

        questions.MapGet("/{id}/project-draft", async (string id, QuestionReader reader, HttpContext http, CancellationToken ct) =>
                await reader.ProjectDraftAsync(id, http.User, ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("The project an accepted question drafts, pre-filled with its purpose, legal basis and data (Admin)");

        questions.MapPost("/{id}/project", async (string id, ProjectRequest request, QuestionChanges changes, HttpContext http, CancellationToken ct) =>
            {
                var version = await changes.StartProjectAsync(id, request.ToDefinition(), http.User, ct);
                return TypedResults.Created($"/api/projects/{version.ProjectId}", ProjectResponse.From(version));
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Create the completed project of an accepted question; the question then shows it (Admin)");

        app.MapGet("/api/areas", (string? gemeente, AreaRegister areas) =>
                gemeente is null ? areas.Gemeenten : [.. areas.WijkenOf(gemeente.Trim().ToUpperInvariant())])
            .WithTags("Questions")
            .WithSummary("The municipality codes a question may name, or with ?gemeente=GMxxxx that municipality's wijk codes");

        return app;
    }
}
