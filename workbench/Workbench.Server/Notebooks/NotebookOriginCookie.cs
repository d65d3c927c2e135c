using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Workbench.Server.Database;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The notebook origin's own sign-in: a cookie per project (<c>Path=/notebooks/{project}/</c>, HttpOnly,
/// SameSite=Strict, Secure on https) holding the user, the project, the security stamp the ticket carried and when it
/// expires, protected with Data Protection. It lives <see cref="NotebookOriginOptions.OriginCookieLifetime"/> and is
/// renewed by a request in its second half; a changed security stamp (password, authenticator, roles, lock) ends it.
/// Membership, retention and the lock are checked on every request by the proxy itself.
/// </summary>
internal sealed class NotebookOriginCookie(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logger, UrlEncoder encoder, IDataProtectionProvider protection,
    IOptions<NotebookOriginOptions> options, TimeProvider time, WorkbenchDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    public const string SchemeName = "NotebookOrigin";
    public const string CookieName = "workbench-notebooks";
    private const string Purpose = "Workbench.Notebooks.OriginCookie.v1";
    public const string ProjectClaim = "wb:notebook_project";

    private sealed record Payload(string User, string Project, string Stamp, long Expires);

    /// <summary>Sets the cookie of the project's notebooks for this user on the response.</summary>
    public static void Append(HttpContext http, NotebookTickets.Pass pass)
    {
        var services = http.RequestServices;
        var lifetime = services.GetRequiredService<IOptions<NotebookOriginOptions>>().Value.OriginCookieLifetime;
        var expires = services.GetRequiredService<TimeProvider>().GetUtcNow() + lifetime;
        var value = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose)
            .Protect(JsonSerializer.Serialize(new Payload(pass.UserId, pass.ProjectId, pass.SecurityStamp, expires.ToUnixTimeSeconds())));
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            Path = NotebookServer.BasePath(pass.ProjectId), HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps,
            MaxAge = lifetime, IsEssential = true,
        });
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var cookie) || cookie.Length == 0) return AuthenticateResult.NoResult();
        var project = Request.RouteValues["project"] as string;
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(protection.CreateProtector(Purpose).Unprotect(cookie));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            payload = null;
        }
        if (payload is null || project is null || !string.Equals(payload.Project, project, StringComparison.Ordinal))
            return AuthenticateResult.Fail("the notebook cookie is not valid for this project");
        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Expires);
        if (expires <= now) return AuthenticateResult.Fail("the notebook session expired");
        if (await NotebookTickets.SecurityStampAsync(db, payload.User, Context.RequestAborted) != payload.Stamp)
            return AuthenticateResult.Fail("your workbench sign-in changed since the notebooks were opened");
        if (expires - now < options.Value.OriginCookieLifetime / 2) Append(Context, new NotebookTickets.Pass(payload.User, payload.Project, payload.Stamp));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, payload.User), new Claim(ProjectClaim, payload.Project)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        var reason = "open your notebooks from the workbench's Notebooks page: this address needs the pass the workbench gives when you open them"
            + (failure is null ? "" : $" ({failure})");
        await Results.Problem(reason, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in to the notebooks").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem("these notebooks are not yours", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
}
