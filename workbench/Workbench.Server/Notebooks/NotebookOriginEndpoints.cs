using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The notebook origin's own endpoints: <c>/notebooks/{project}/workbench-open?ticket=…</c> redeems the one-time
/// ticket the workbench's Notebooks page sends the browser with and sets the origin's cookie; the proxy itself is
/// <see cref="NotebookProxy"/>. Both answer only on the notebook origin and carry <see cref="Marker"/>, the only
/// endpoints <see cref="NotebookOriginSetup.UseNotebookOrigin"/> lets through there.
/// </summary>
internal static class NotebookOriginEndpoints
{
    public const string OpenPage = "workbench-open";

    /// <summary>The notebook origin's cookie, nothing else (the workbench's own cookie never reaches that origin).</summary>
    public const string Policy = "NotebookOrigin";

    /// <summary>Metadata of the endpoints served on the notebook origin.</summary>
    public static readonly NotebookOriginEndpoint Marker = new();

    public static IEndpointRouteBuilder MapNotebookOpen(this IEndpointRouteBuilder app, string host)
    {
        app.MapGet($"/notebooks/{{project}}/{OpenPage}", OpenAsync).RequireHost(host).AllowAnonymous().WithMetadata(Marker).ExcludeFromDescription();
        return app;
    }

    private static async Task OpenAsync(
        HttpContext http, string project, string? ticket, NotebookTickets tickets, WorkbenchDbContext db, AuditTrail audit, TimeProvider time)
    {
        var ct = http.RequestAborted;
        string? userId = null;
        string? refusal;
        NotebookTickets.Pass? pass = null;
        try
        {
            pass = tickets.Redeem(ticket, project, out userId);
            refusal = await NotebookTickets.SecurityStampAsync(db, pass.UserId, ct) != pass.SecurityStamp
                ? "your workbench sign-in changed since this ticket was issued: open your notebooks again"
                : await NotebookServers.RefusalAsync(db, project, pass.UserId, time.GetUtcNow(), ct);
        }
        catch (AccessDeniedException e)
        {
            refusal = e.Message;
        }
        http.Response.Headers.CacheControl = "no-store";
        if (refusal is not null || pass is null)
        {
            refusal ??= "the ticket is not valid";
            await audit.SaveChangesAsync([AuditEvent.Create(userId ?? "anonymous", AuditActions.NotebookAccessDenied, $"project:{project}",
                new { path = http.Request.Path.Value, method = http.Request.Method, reason = refusal })], ct);
            await Results.Problem(refusal, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(http);
            return;
        }
        NotebookOriginCookie.Append(http, pass);
        // A page that moves on by itself rather than a redirect: the browser then asks for the notebooks from the
        // notebook origin's own page, a same-site request that carries the new SameSite=Strict cookie.
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><meta http-equiv=\"refresh\" content=\"0;url=tree\" />"
            + "<title>Opening your notebooks</title></head><body><p><a href=\"tree\">Open your notebooks</a></p></body></html>", ct);
    }
}

/// <summary>Marks an endpoint that is served on the notebook origin.</summary>
internal sealed class NotebookOriginEndpoint;
