using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Front.Project;

/// <summary>
/// The kernel signs in as the user by the device flow (RFC 8628): the cell that first needs the project shows a link
/// and a code, the user approves it in the workbench (with MFA), and the front exchanges the user's project token for
/// a short-lived kernel token (RFC 8693) that reaches only this project's data and output submission. Tokens live in
/// the front's memory only; the kernel token is renewed from the refresh token before it expires, and a sign-in that
/// can no longer be renewed asks the user again.
/// </summary>
internal sealed class DeviceSignIn(HttpClient http, ProjectBinding binding, TimeProvider time) : IKernelTokens, IDisposable
{
    private const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private const string ExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private (string Token, DateTimeOffset Expires)? kernel;
    private (string Token, DateTimeOffset Expires)? user;
    private string? refresh;

    private string Scope => $"project:{binding.ProjectId}";

    public async Task<string> TokenAsync(IExecutionSink prompt, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (kernel is { } k && k.Expires - Margin > now) return k.Token;
            if (!(user is { } u && u.Expires - Margin > now) && !await RefreshAsync(cancellationToken)) await SignInAsync(prompt, cancellationToken);
            var (status, body) = await PostAsync(new()
            {
                ["grant_type"] = ExchangeGrant, ["subject_token"] = user!.Value.Token, ["subject_token_type"] = AccessTokenType, ["scope"] = Scope,
            }, cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                user = null;
                throw new ProjectAccessRefusedException($"the workbench refused this kernel a token for project {binding.ProjectId}: {Describe(body)}");
            }
            kernel = Token(body, now);
            return kernel.Value.Token;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public void Refused(string token)
    {
        if (kernel?.Token == token) kernel = null;
        user = null;
    }

    public void Dispose() => oneAtATime.Dispose();

    private async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (refresh is null) return false;
        var (status, body) = await PostAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            refresh = null;
            return false;
        }
        Keep(body, time.GetUtcNow());
        return true;
    }

    private async Task SignInAsync(IExecutionSink prompt, CancellationToken cancellationToken)
    {
        var (status, device) = await PostAsync(new() { ["scope"] = $"openid offline_access {Scope}" }, cancellationToken, "connect/device");
        if (status != HttpStatusCode.OK) throw new ProjectAccessRefusedException($"the workbench cannot start a sign-in for this kernel: {Describe(device)}");
        var code = device.GetProperty("user_code").GetString()!;
        var link = device.TryGetProperty("verification_uri_complete", out var complete) ? complete.GetString()! : device.GetProperty("verification_uri").GetString()!;
        var expires = time.GetUtcNow().AddSeconds(device.GetProperty("expires_in").GetInt32());
        var interval = TimeSpan.FromSeconds(device.TryGetProperty("interval", out var i) ? Math.Max(1, i.GetInt32()) : 5);
        var displayId = Guid.NewGuid().ToString("N");
        Show(prompt, displayId, false,
            $"Sign in to let this kernel work on project {binding.ProjectId} for you: open {link} and approve code {code} (valid until {expires:HH:mm} UTC).",
            $"<p>Sign in to let this kernel work on project <b>{WebUtility.HtmlEncode(binding.ProjectId)}</b> for you: open "
            + $"<a href=\"{WebUtility.HtmlEncode(link)}\" target=\"_blank\" rel=\"noopener\">{WebUtility.HtmlEncode(link)}</a> and approve code "
            + $"<code>{WebUtility.HtmlEncode(code)}</code> (valid until {expires:HH:mm} UTC).</p>");
        while (true)
        {
            await Task.Delay(interval, time, cancellationToken);
            var (polled, answer) = await PostAsync(new() { ["grant_type"] = DeviceGrant, ["device_code"] = device.GetProperty("device_code").GetString()! }, cancellationToken);
            if (polled == HttpStatusCode.OK)
            {
                Keep(answer, time.GetUtcNow());
                Show(prompt, displayId, true, $"Signed in for project {binding.ProjectId}.", $"<p>Signed in for project <b>{WebUtility.HtmlEncode(binding.ProjectId)}</b>.</p>");
                return;
            }
            var error = answer.TryGetProperty("error", out var e) ? e.GetString() : null;
            if (error == "authorization_pending") continue;
            if (error == "slow_down")
            {
                interval += TimeSpan.FromSeconds(5);
                continue;
            }
            var reason = error switch
            {
                "access_denied" => "the sign-in was denied",
                "expired_token" => "the code expired before it was approved",
                _ => Describe(answer),
            };
            Show(prompt, displayId, true, $"Not signed in: {reason}.", $"<p>Not signed in: {WebUtility.HtmlEncode(reason)}.</p>");
            throw new ProjectAccessRefusedException($"not signed in for project {binding.ProjectId}: {reason}; run the cell again to start a new sign-in");
        }
    }

    private void Keep(JsonElement tokens, DateTimeOffset now)
    {
        user = Token(tokens, now);
        if (tokens.TryGetProperty("refresh_token", out var r)) refresh = r.GetString();
    }

    private static (string, DateTimeOffset) Token(JsonElement body, DateTimeOffset now) =>
        (body.GetProperty("access_token").GetString()!, now.AddSeconds(body.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 300));

    private static void Show(IExecutionSink prompt, string displayId, bool update, string plain, string html) =>
        prompt.Display(MimeBundle.Create([new("text/html", html)], plain, displayId), update);

    private async Task<(HttpStatusCode, JsonElement)> PostAsync(Dictionary<string, string> form, CancellationToken cancellationToken, string path = "connect/token")
    {
        form["client_id"] = ProjectBinding.ClientId;
        try
        {
            using var response = await http.PostAsync(new Uri(binding.Server, path), new FormUrlEncodedContent(form), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            try
            {
                return (response.StatusCode, JsonDocument.Parse(text.Length > 0 ? text : "{}").RootElement.Clone());
            }
            catch (JsonException)
            {
                return (response.StatusCode, JsonDocument.Parse("{}").RootElement.Clone());
            }
        }
        catch (HttpRequestException e)
        {
            throw new ProjectAccessRefusedException($"the workbench at {binding.Server} cannot be reached: {e.Message}");
        }
    }

    private static string Describe(JsonElement body) =>
        body.TryGetProperty("error_description", out var d) ? d.GetString()!
        : body.TryGetProperty("error", out var e) ? e.GetString()! : "no reason given";
}
