using System.Net;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace Workbench.Server.Notebooks;

/// <summary>
/// <c>/notebooks/{project}/…</c>: the caller's own notebook server for that project, behind the workbench sign-in
/// (a cookie sign-in with MFA; tokens are refused), the project membership and retention, checked on every request
/// including WebSockets. Only the requests the notebook pages make are forwarded (an allow list, <see cref="NotebookRequests"/>):
/// downloads, uploads, configuration changes and any kernel but the sandboxed one are refused and audited.
/// </summary>
internal static class NotebookProxy
{
    private static readonly HttpMessageInvoker Client = new(new SocketsHttpHandler
    {
        UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false,
        EnableMultipleHttp2Connections = true, ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    /// <summary>
    /// The proxy and the ticket page, only on the notebook origin (<see cref="NotebookOrigin"/>) and only with that
    /// origin's own cookie; without a notebook origin nothing is mapped and the workbench refuses notebook addresses.
    /// </summary>
    public static IEndpointRouteBuilder MapNotebookProxy(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<NotebookOrigin>().Authority is not { } host) return app;
        app.MapNotebookOpen(host);
        app.Map("/notebooks/{project}/{**rest}", ForwardAsync).RequireHost(host).RequireAuthorization(NotebookOriginEndpoints.Policy)
            .WithMetadata(NotebookOriginEndpoints.Marker).ExcludeFromDescription();
        return app;
    }

    private static async Task ForwardAsync(
        HttpContext http, string project, string? rest, NotebookServers servers, WorkbenchDbContext db, AuditTrail audit,
        IHttpForwarder forwarder, TimeProvider time)
    {
        var userId = http.User.UserId();
        var refusal = http.Request.Headers.Authorization.Count > 0 ? "notebooks open with the workbench sign-in, not with a token"
            : await NotebookServers.RefusalAsync(db, project, userId, time.GetUtcNow(), http.RequestAborted)
            ?? await TransferAsync(http.Request, rest ?? "");
        if (refusal is not null)
        {
            await audit.SaveChangesAsync([AuditEvent.Create(userId, AuditActions.NotebookAccessDenied, $"project:{project}",
                new { path = http.Request.Path.Value, method = http.Request.Method, reason = refusal })], http.RequestAborted);
            await Results.Problem(refusal, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(http);
            return;
        }
        if (servers.Find(userId, project) is not { } server)
        {
            await Results.Problem($"you have no notebook server running for project {project}: start it on the Notebooks page (/Notebooks)",
                statusCode: StatusCodes.Status404NotFound, title: "Not running").ExecuteAsync(http);
            return;
        }
        server.Touch(time.GetUtcNow());
        var error = await forwarder.SendAsync(http, server.Origin.AbsoluteUri, Client, ForwarderRequestConfig.Empty, new TokenTransformer(server.Token));
        if (error != ForwarderError.None && !http.Response.HasStarted)
            await Results.Problem($"the notebook server did not answer ({error})", statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(http);
    }

    /// <summary>Why the request is not one the notebook pages make (see <see cref="NotebookRequests"/>), or null.</summary>
    internal static Task<string?> TransferAsync(HttpRequest request, string rest) => NotebookRequests.RefusalAsync(request, rest);

    /// <summary>Keeps the browser's Host (Jupyter checks WebSocket origins against it) and adds the server's token.</summary>
    private sealed class TokenTransformer(string token) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await Default.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Host = httpContext.Request.Host.Value;
            proxyRequest.Headers.Remove("Cookie");
            proxyRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", token);
        }
    }
}
