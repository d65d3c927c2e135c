using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Workbench.Server.Notebooks;

/// <summary>The notebooks' own origin: its options, tickets, cookie scheme and the gate that keeps the two origins apart.</summary>
internal static class NotebookOriginSetup
{
    public static WebApplicationBuilder AddNotebookOrigin(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotebookOriginOptions>().BindConfiguration(NotebookOptions.Section)
            .Validate(o => NotebookOriginOptions.Problem(o) is null, "Notebooks:Origin must be an http(s) origin without a path; "
                + "Notebooks:OriginTicketLifetime at most 60 s; Notebooks:OriginCookieLifetime at most 8 hours")
            .ValidateOnStart();
        builder.Services.AddSingleton<NotebookOrigin>();
        builder.Services.AddSingleton<NotebookTickets>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, NotebookOriginCookie>(NotebookOriginCookie.SchemeName, null);
        builder.Services.Configure<AuthorizationOptions>(o => o.AddPolicy(NotebookOriginEndpoints.Policy,
            p => p.AddAuthenticationSchemes(NotebookOriginCookie.SchemeName).RequireAuthenticatedUser()));
        return builder;
    }

    /// <summary>
    /// Keeps the origins apart (after routing, before anything else answers): on the notebook origin only its own
    /// endpoints answer and everything else is 404, so no workbench page, API or file is ever served there; on the
    /// workbench's origin a notebook address is refused with the reason.
    /// </summary>
    public static WebApplication UseNotebookOrigin(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var origin = http.RequestServices.GetRequiredService<NotebookOrigin>();
            var endpoint = http.GetEndpoint();
            var ours = endpoint?.Metadata.GetMetadata<NotebookOriginEndpoint>() is not null;
            if (origin.IsNotebookRequest(http.Request) != ours)
            {
                await Results.Problem("the notebook origin serves only notebooks (/notebooks/{project}/…); the workbench's pages and API are at the workbench's own address",
                    statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(http);
                return;
            }
            if (!ours && endpoint is null && IsNotebookAddress(http.Request.Path))
            {
                await Results.Problem(origin.Uri is { } uri
                        ? $"notebooks are served only from their own origin, {uri.GetLeftPart(UriPartial.Authority)}, never beside the workbench's pages: open them from the Notebooks page (/Notebooks)"
                        : NotebookOrigin.Unconfigured,
                    statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        return app;
    }

    /// <summary><c>/notebooks/{something}/…</c>: a notebook's address (the workbench's own Notebooks page is <c>/Notebooks</c>).</summary>
    private static bool IsNotebookAddress(PathString path) =>
        path.StartsWithSegments("/notebooks", StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue && rest.Value!.Length > 1;
}
