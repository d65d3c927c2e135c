using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;

namespace Workbench.Server.Organisations;

/// <summary>A new agency: a short stable code (letters, digits), its name and kind.</summary>
public sealed record CreateOrganisationRequest(string Id, string Name, OrganisationKind Kind);

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization(Policies.Admin);

        organisations.MapGet("/", async (WorkbenchDbContext db, CancellationToken ct) => await db.Organisations.OrderBy(o => o.Id).ToListAsync(ct))
            .WithSummary("The organisations (Admin)");

        organisations.MapPost("/", async (CreateOrganisationRequest request, WorkbenchDbContext db, AuditTrail audit, HttpContext http, CancellationToken ct) =>
            {
                var organisation = await CreateAsync(request, db, audit, http.User, ct);
                return TypedResults.Created($"/api/organisations/{organisation.Id}", organisation);
            })
            .WithSummary("Add an organisation (Admin)");
        return app;
    }

    /// <summary>Adds the organisation and audits it in one transaction; the API and the page both come through here.</summary>
    public static async Task<Organisation> CreateAsync(
        CreateOrganisationRequest request, WorkbenchDbContext db, AuditTrail audit, System.Security.Claims.ClaimsPrincipal actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = (request.Id ?? "").Trim().ToUpperInvariant();
        if (id.Length is < 2 or > 32 || !id.All(char.IsAsciiLetterOrDigit))
        {
            throw ValidationFailedException.For("id", "the code is 2 to 32 letters or digits, such as GM0344");
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw ValidationFailedException.For("name", "give the organisation's name");
        }
        if (!Enum.IsDefined(request.Kind))
        {
            throw ValidationFailedException.For("kind", $"unknown kind '{request.Kind}'");
        }
        if (await db.Organisations.AnyAsync(o => o.Id == id, ct))
        {
            throw new ConflictException($"there already is an organisation '{id}'");
        }
        var organisation = new Organisation { Id = id, Name = request.Name.Trim(), Kind = request.Kind };
        db.Organisations.Add(organisation);
        await audit.SaveChangesAsync([AuditEvent.Create(actor.UserId(), AuditActions.OrganisationCreated, $"organisation:{id}",
            new { name = organisation.Name, kind = organisation.Kind.ToString() })], ct);
        return organisation;
    }
}
