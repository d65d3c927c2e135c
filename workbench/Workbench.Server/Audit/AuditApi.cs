using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;

namespace Workbench.Server.Audit;

public static class AuditApi
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(AuditOptions.HasValidKey, "Audit:CheckpointKey must be base64 of at least 32 bytes")
            .Validate(AuditOptions.HasValidPolicy, "Audit:CheckpointInterval must be at least 1, Audit:CheckpointPeriod positive and Audit:CheckpointGrace not negative")
            .ValidateOnStart();
        builder.Services.AddSingleton<AuditJournal>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<AuditLogCheck>();
        builder.Services.AddHostedService<AuditCheckpointTimer>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.AuditReader);

        audit.MapGet("/entries", async ([AsParameters] AuditQuery query, WorkbenchDbContext db, CancellationToken ct) =>
                await query.Apply(db).ToListAsync(ct))
            .WithSummary("Search the audit log, newest first (Admin, Auditor)");

        audit.MapGet("/export", async ([AsParameters] AuditQuery query, [FromQuery] string? format, WorkbenchDbContext db,
                AuditTrail trail, HttpContext http, CancellationToken ct) =>
            {
                var kind = (format ?? "json").ToLowerInvariant();
                if (kind is not ("csv" or "json"))
                {
                    throw ValidationFailedException.For("format", "export as csv or json");
                }
                var entries = await (query with { Take = query.Take <= 100 ? AuditQuery.MaxTake : query.Take }).Apply(db).ToListAsync(ct);
                // Exporting the log is itself an access to personal data about users: record it.
                await trail.SaveChangesAsync([AuditEvent.Create(http.User.UserId(), AuditActions.AuditExported, "audit:log",
                    new { format = kind, count = entries.Count, query.Actor, query.Action, query.Subject })], ct);
                return kind == "csv"
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(AuditExport.ToCsv(entries)), "text/csv", "audit.csv")
                    : Results.Json(entries, contentType: "application/json");
            })
            .WithSummary("Export audit entries as CSV or JSON (Admin, Auditor); the export is audited");

        audit.MapGet("/verify", (AuditLogCheck check, CancellationToken ct) => check.VerifyAsync(ct))
            .WithSummary("Verify the hash chain, the signed checkpoints the policy requires and the append-only journal of the whole log (Admin, Auditor)");

        return app;
    }
}
