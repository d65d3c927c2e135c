using System.Text.Json;

namespace Workbench.Server.Notebooks;

/// <summary>
/// A user's work area for a project, kept between server starts: <c>notebooks/</c> (what Jupyter serves: the examples
/// on first start, then the user's own), <c>work/</c> (the kernel's one writable directory, not served by Jupyter, so
/// nothing written there can be downloaded), and what the notebook server needs (its kernelspec, configuration, the
/// kernel's token file). Directories are 0711: the sandbox's uid may pass through to <c>work/</c>, nobody may list.
/// </summary>
internal sealed class NotebookWorkArea
{
    public const string KernelName = "workbench-csharp";
    private const UnixFileMode PassThrough = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // Hides the upload button and the download menu; the proxy refuses those requests in any case.
    private const string CustomCss = """
        .btn-upload, #download_menu, #download_ipynb, #download_script, #download_html, #download_pdf, #download_markdown,
        #download_rst, #download_latex, #download_slides, .download-button, #save-as-menu-item { display: none !important; }
        """;

    private NotebookWorkArea(string root) => Root = root;

    public string Root { get; }

    public string Notebooks => Path.Combine(Root, "notebooks");

    public string Work => Path.Combine(Root, "work");

    public string Jupyter => Path.Combine(Root, "jupyter");

    public string Config => Path.Combine(Root, "config");

    public string Runtime => Path.Combine(Root, "runtime");

    public string TokenFile => Path.Combine(Root, "kernel-token");

    public static NotebookWorkArea Prepare(string directory, string projectId, string userId, string? examples)
    {
        var area = new NotebookWorkArea(Path.Combine(directory, projectId, userId));
        foreach (var dir in new[] { directory, Path.Combine(directory, projectId), area.Root, area.Work, area.Jupyter, area.Config, area.Runtime })
        {
            Directory.CreateDirectory(dir);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, PassThrough);
        }
        if (!Directory.Exists(area.Notebooks))
        {
            Directory.CreateDirectory(area.Notebooks);
            if (examples is not null && Directory.Exists(examples))
            {
                foreach (var file in Directory.EnumerateFiles(examples).Where(f => f.EndsWith(".ipynb", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)))
                    File.Copy(file, Path.Combine(area.Notebooks, Path.GetFileName(file)));
            }
        }
        Directory.CreateDirectory(Path.Combine(area.Config, "custom"));
        File.WriteAllText(Path.Combine(area.Config, "custom", "custom.css"), CustomCss);
        return area;
    }

    /// <summary>The only kernel the notebook server offers: sandboxed, bound to the project, token from the workbench.</summary>
    public void WriteKernelSpec(string dotnet, string front, Uri server, string projectId, IEnumerable<string> extra)
    {
        var directory = Path.Combine(Jupyter, "kernels", KernelName);
        Directory.CreateDirectory(directory);
        var argv = new List<string>
        {
            dotnet, front, "--connection-file", "{connection_file}", "--server", server.AbsoluteUri, "--project", projectId,
            "--token-file", TokenFile, "--work-dir", Work,
        };
        argv.AddRange(extra);
        File.WriteAllText(Path.Combine(directory, "kernel.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["argv"] = argv, ["display_name"] = "C# (Workbench)", ["language"] = "C#", ["interrupt_mode"] = "message",
        }));
    }

    /// <summary>The kernel's token, owner-only; replaced atomically.</summary>
    public void WriteToken(string token)
    {
        var staged = TokenFile + ".new";
        File.Delete(staged);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(staged, create))
        {
            file.Write(System.Text.Encoding.UTF8.GetBytes(token));
        }
        File.Move(staged, TokenFile, overwrite: true);
    }

    public void DeleteToken() => File.Delete(TokenFile);
}
