using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Front.Project;

/// <summary>
/// The project on its workbench server: the view file (<c>GET /api/projects/ID/view</c>, fetched again only when the
/// server's ETag changes, i.e. the allowlist or the store changed) kept in a directory only the front can enter, and
/// output submission (<c>POST /api/projects/ID/outputs</c>), both with the kernel token. A token the server refuses
/// is dropped and the request tried once more with a new one.
/// </summary>
internal sealed class ServerProject : IProjectAccess
{
    private readonly HttpClient http;
    private readonly ProjectBinding binding;
    private readonly IKernelTokens tokens;
    // Inside the kernel's own temporary directory: deleted at shutdown, or by the next front when this one was killed.
    private readonly string cache = Sandbox.KernelFiles.Current.CreateDirectory("view-");
    private readonly SemaphoreSlim fetching = new(1, 1);
    private string? etag;

    public ServerProject(HttpClient http, ProjectBinding binding, IKernelTokens tokens)
    {
        this.http = http;
        this.binding = binding;
        this.tokens = tokens;
    }

    private string ViewFile => Path.Combine(cache, "view.duckdb");

    public async Task<string> OpenViewAsync(IExecutionSink prompt, CancellationToken cancellationToken)
    {
        await fetching.WaitAsync(cancellationToken);
        try
        {
            using var response = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"api/projects/{binding.ProjectId}/view");
                if (etag is not null && File.Exists(ViewFile)) request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{etag}\""));
                return request;
            }, prompt, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified) return ViewFile;
            if (response.StatusCode != HttpStatusCode.OK) throw await RefusedAsync(response, "open the project's data", cancellationToken);
            var part = Path.Combine(cache, $"view-{Guid.NewGuid():N}.part");
            await using (var file = new FileStream(part, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            }))
            {
                await response.Content.CopyToAsync(file, cancellationToken);
            }
            // Readable by the sandbox's uid once linked into the worker's mount; never writable by it.
            File.SetUnixFileMode(part, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.Move(part, ViewFile, overwrite: true);
            etag = response.Headers.ETag?.Tag.Trim('"');
            return ViewFile;
        }
        finally
        {
            fetching.Release();
        }
    }

    public async Task<string> SubmitAsync(string body, IExecutionSink prompt, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/projects/{binding.ProjectId}/outputs")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, prompt, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created) throw await RefusedAsync(response, "accept the output", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, IExecutionSink prompt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.TokenAsync(prompt, cancellationToken);
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new ProjectAccessRefusedException($"the workbench at {binding.Server} cannot be reached: {e.Message}");
            }
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0) return response;
            response.Dispose();
            tokens.Refused(token);
        }
    }

    /// <summary>The server's ProblemDetails as one sentence: its detail and, for a validation error, each field's reason.</summary>
    private async Task<ProjectAccessRefusedException> RefusedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var reason = $"HTTP {(int)response.StatusCode}";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            reason = root.TryGetProperty("detail", out var detail) ? detail.GetString()! : root.TryGetProperty("title", out var title) ? title.GetString()! : reason;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                reason += " (" + string.Join("; ", errors.EnumerateObject().Select(f => $"{f.Name}: {string.Join(", ", f.Value.EnumerateArray().Select(m => m.GetString()))}")) + ")";
        }
        catch (JsonException)
        {
            // Not a problem document: the status says enough.
        }
        return new ProjectAccessRefusedException($"the workbench did not {what} of project {binding.ProjectId}: {reason}");
    }

    public void Dispose()
    {
        fetching.Dispose();
        tokens.Dispose();
        http.Dispose();
        try { Directory.Delete(cache, recursive: true); }
        catch (IOException) { /* the temp cleaner will */ }
    }
}
