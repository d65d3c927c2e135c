using Microsoft.AspNetCore.Authentication;
using Workbench.Server.Identity;

namespace Workbench.Server.Notebooks;

internal static class NotebooksSetup
{
    public static WebApplicationBuilder AddNotebooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotebookOptions>().BindConfiguration(NotebookOptions.Section)
            .Validate(NotebookOptions.IsValid, "Notebooks: IdleTimeout, SweepInterval and StartTimeout must be positive, 0 < MaxPerUser <= MaxTotal, FirstUid >= 100000 with UidCount uids below 2^31")
            .ValidateOnStart();
        builder.Services.AddSingleton<KernelCredentials>();
        builder.Services.AddSingleton<NotebookServers>();
        builder.Services.AddHostedService<NotebookSweeper>();
        builder.Services.AddHttpForwarder();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, KernelCredentialHandler>(KernelCredentialHandler.SchemeName, null);
        return builder;
    }

    /// <summary>Start and stop (the caller's own servers) and the proxy.</summary>
    public static WebApplication MapNotebooks(this WebApplication app)
    {
        var api = app.MapGroup("/api/projects/{id}/notebook").RequireAuthorization(Policies.SignedInWithMfa).WithTags("Notebooks");
        api.MapPost("/", async (string id, NotebookServers servers, NotebookOrigin origin, HttpContext http, CancellationToken ct) =>
            {
                // Who may start comes first: a caller without access is refused whether or not notebooks are switched on.
                await servers.CheckMayStartAsync(id, http.User, ct);
                origin.Require();
                var server = await servers.StartAsync(id, http.User, ct);
                return TypedResults.Ok(new NotebookResponse(id, origin.PageUrl(id, "tree").AbsoluteUri, server.StartedAt, server.LastActivity));
            })
            .WithSummary("Start (or find) your notebook server for the project: data scientists of the project within retention; limits per user and in total; audited; 503 when the workbench has no notebook origin (Notebooks:Origin)");
        api.MapDelete("/", async (string id, NotebookServers servers, HttpContext http, CancellationToken ct) =>
            {
                await servers.StopAsync(http.User.UserId(), id, "stopped by the user", ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop your notebook server for the project (the notebooks stay); audited");
        app.MapNotebookProxy();
        return app;
    }
}

/// <summary>A running notebook server as the API shows it: where it is, on the notebook origin (opened from the Notebooks page, which signs you in there).</summary>
public sealed record NotebookResponse(string Project, string Url, DateTimeOffset StartedAt, DateTimeOffset LastActivity);
