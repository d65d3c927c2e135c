using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Cli.Kernel;

/// <summary>
/// The kernelspec <c>workbench-csharp</c>: how Jupyter starts the kernel's front process. Written to
/// <c>kernels/workbench-csharp/kernel.json</c> under the user's Jupyter data directory.
/// </summary>
internal sealed record KernelSpec(
    [property: JsonPropertyName("argv")] IReadOnlyList<string> Argv,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("interrupt_mode")] string InterruptMode,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The environment of the front: the workbench server a notebook's project lives on (<c>WORKBENCH_SERVER</c>).</summary>
    [JsonPropertyName("env")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    public const string Name = "workbench-csharp";
    public const string FrontAssembly = "Workbench.Kernel.Front.dll";
    public const string UnsandboxedSwitch = "--unsandboxed-development";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The kernelspec of <paramref name="frontDll"/> (sandboxed unless <paramref name="unsandboxed"/>); <paramref name="server"/>
    /// is the workbench server for every notebook of this user (the project comes from the notebook's
    /// <c>workbench.json</c> or <c>WORKBENCH_PROJECT</c>), null to leave it to those.
    /// </summary>
    public static KernelSpec For(string frontDll, bool unsandboxed, Uri? server = null) => new(
        [DotnetHost(), frontDll, "--connection-file", "{connection_file}", .. unsandboxed ? new[] { UnsandboxedSwitch } : []],
        unsandboxed ? "C# (Workbench, UNSANDBOXED development)" : "C# (Workbench)",
        "C#",
        "message",
        new Dictionary<string, string>())
    {
        Env = server is null ? null : new Dictionary<string, string> { ["WORKBENCH_SERVER"] = server.AbsoluteUri },
    };

    /// <summary>The front built beside this program by the solution (see the project file); <c>--front</c> overrides it.</summary>
    public static string? BuiltFront() =>
        typeof(KernelSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "KernelFrontPath")?.Value;

    /// <summary>The Jupyter data directory: <c>JUPYTER_DATA_DIR</c>, else <c>$XDG_DATA_HOME/jupyter</c>, else <c>~/.local/share/jupyter</c>.</summary>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return data;
        if (Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "jupyter");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter");
    }

    public string Write(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "kernels", Name);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "kernel.json");
        File.WriteAllText(file, JsonSerializer.Serialize(this, Indented));
        return file;
    }

    // The running runtime is <root>/shared/Microsoft.NETCore.App/<version>/; its host is <root>/dotnet.
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
