using System.Text.Json;

namespace Workbench.Kernel.Front.Project;

/// <summary>
/// Which workbench server and project this kernel works for, and how it gets its token: from a file the workbench
/// keeps fresh (<see cref="TokenFile"/>, when the workbench started the notebook server), or by asking the user to
/// approve a device sign-in. Taken from the command line, else the environment (<c>WORKBENCH_SERVER</c>,
/// <c>WORKBENCH_PROJECT</c>, <c>WORKBENCH_TOKEN_FILE</c>), else <c>workbench.json</c> in the directory the kernel
/// starts in (the notebook's): <c>{ "server": "https://…", "project": "P-2026-0007" }</c>.
/// </summary>
internal sealed record ProjectBinding(Uri Server, string ProjectId, string? TokenFile)
{
    public const string ClientId = "workbench-kernel";
    public const string FileName = "workbench.json";

    /// <summary>The binding, or null with the reason when the kernel is not bound (or bound wrongly).</summary>
    public static (ProjectBinding? Binding, string Reason) Resolve(
        string? server, string? project, string? tokenFile, Func<string, string?> environment, string directory)
    {
        server ??= environment("WORKBENCH_SERVER");
        project ??= environment("WORKBENCH_PROJECT");
        tokenFile ??= environment("WORKBENCH_TOKEN_FILE");
        var file = Path.Combine(directory, FileName);
        if ((server is null || project is null) && File.Exists(file))
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                server ??= json.RootElement.TryGetProperty("server", out var s) ? s.GetString() : null;
                project ??= json.RootElement.TryGetProperty("project", out var p) ? p.GetString() : null;
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return (null, $"{file} cannot be read: {e.Message}");
            }
        }
        if (server is null || project is null)
            return (null, $"this kernel is not bound to a project: open the notebook from the workbench, or put {FileName} with \"server\" and \"project\" beside it, or set WORKBENCH_SERVER and WORKBENCH_PROJECT");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            return (null, $"the workbench server '{server}' must be an https URL (plain http only on loopback)");
        if (project.Length is 0 or > 64 || !project.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return (null, $"'{project}' is not a project id");
        return (new ProjectBinding(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), project, tokenFile), "");
    }
}
