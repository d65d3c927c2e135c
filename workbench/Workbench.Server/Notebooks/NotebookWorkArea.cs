using System.Text.Json;

namespace Workbench.Server.Notebooks;

/// <summary>
/// A user's work area for a project, kept between server starts: <c>notebooks/</c> (what Jupyter serves: the examples
/// on first start, then the user's own), <c>work/</c> (the kernel's one writable directory, not served by Jupyter, so
/// nothing written there can be downloaded), <c>tmp/</c> and <c>home/</c> (the sandbox's /tmp and home), and what the
/// notebook server reads (its kernelspec and configuration, root's; the kernel's token and the server's secret, owner-only).
/// When the workbench runs as root the area belongs to its own uid (see <see cref="AssignUid"/>): the writable directories
/// are that uid's and 0700, the root directory and what configures the server are root's (the notebook server cannot
/// change them); the kernel-token and the secret are readable by that uid only.
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

    /// <summary>The secret the proxy presents to the notebook server (its header); read by the server's login handler.</summary>
    public string SecretFile => Path.Combine(Root, "notebook-secret");

    public string Tmp => Path.Combine(Root, "tmp");

    public string Home => Path.Combine(Root, "home");

    private string UidFile => Path.Combine(Root, "uid");

    /// <summary>An existing area, as it is (to remove its token).</summary>
    public static NotebookWorkArea At(string directory, string projectId, string userId) => new(Path.Combine(directory, projectId, userId));

    /// <summary>The same area at another path (where the sandbox mounts it).</summary>
    public static NotebookWorkArea MountedAt(string root) => new(root);

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
        foreach (var dir in new[] { area.Home, area.Tmp }) Directory.CreateDirectory(dir);
        return area;
    }

    /// <summary>
    /// The area's own uid, kept in the area (root's file): the next free one of the range for a new area. Every area
    /// has a different uid, so no notebook server can read another's files even outside its sandbox's mount namespace.
    /// </summary>
    /// <remarks>Called under the servers' start lock, so two new areas never get the same uid.</remarks>
    public static (int Uid, bool New) AssignUid(string directory, NotebookWorkArea area, int first, int count)
    {
        if (File.Exists(area.UidFile)) return (int.Parse(File.ReadAllText(area.UidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture), false);
        var taken = Directory.EnumerateFiles(directory, "uid", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 })
            .Select(f => int.TryParse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : 0)
            .Where(u => u >= first).DefaultIfEmpty(first - 1).Max();
        var uid = taken + 1;
        if (uid >= first + count) throw new Errors.UnavailableException($"the notebook uid range ({first}, {count} uids) is used up: widen Notebooks:UidCount");
        File.WriteAllText(area.UidFile, uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (uid, true);
    }

    /// <summary>
    /// Gives the writable directories to <paramref name="uid"/> (0700; their contents too when the uid is
    /// <paramref name="new"/> to the area, without following links), keeps the root directory and the configuration
    /// root's, and empties <c>tmp/</c>. Without a uid (the workbench is not root) the directories are made owner-only.
    /// </summary>
    /// <remarks>The notebook server cannot replace a directory here by a link: the area's root directory is root's.</remarks>
    public void Own(int? uid, bool @new)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("notebook servers run on Linux only");
        if (Directory.Exists(Tmp)) Directory.Delete(Tmp, recursive: true);
        Directory.CreateDirectory(Tmp);
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode Readable = Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        foreach (var dir in new[] { Notebooks, Work, Runtime, Tmp, Home })
        {
            if (uid is { } id) Chown(dir, id, recursive: @new);
            File.SetUnixFileMode(dir, Private);
        }
        foreach (var dir in new[] { Jupyter, Config }) File.SetUnixFileMode(dir, uid is null ? Private : Readable);
    }

    private static void Chown(string path, int uid, bool recursive = false)
    {
        var id = uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/chown") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in (recursive ? (string[])["-R", "-P"] : []).Concat(["-h", $"{id}:{id}", "--", path])) start.ArgumentList.Add(arg);
        using var chown = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("chown did not start");
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new Errors.UnavailableException($"the work area could not be given to uid {id}: {error.Trim()}");
    }

    /// <summary>Writes a file only <paramref name="uid"/> (or, without one, this process) can read, replaced atomically.</summary>
    public static void WriteSecret(string path, string secret, int? uid)
    {
        var staged = path + ".new";
        File.Delete(staged);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(staged, create))
        {
            file.Write(System.Text.Encoding.UTF8.GetBytes(secret));
        }
        if (uid is { } id) Chown(staged, id);
        File.Move(staged, path, overwrite: true);
    }

    /// <summary>
    /// The only kernel the notebook server offers: sandboxed, bound to the project, token from the workbench. The paths
    /// in its command line are those inside the notebook server's sandbox (<paramref name="inside"/>, <paramref name="front"/>).
    /// </summary>
    public void WriteKernelSpec(string dotnet, string front, NotebookWorkArea inside, Uri server, string projectId, IEnumerable<string> extra)
    {
        var directory = Path.Combine(Jupyter, "kernels", KernelName);
        Directory.CreateDirectory(directory);
        var argv = new List<string>
        {
            dotnet, front, "--connection-file", "{connection_file}", "--server", server.AbsoluteUri, "--project", projectId,
            "--token-file", inside.TokenFile, "--work-dir", inside.Work,
        };
        argv.AddRange(extra);
        File.WriteAllText(Path.Combine(directory, "kernel.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["argv"] = argv, ["display_name"] = "C# (Workbench)", ["language"] = "C#", ["interrupt_mode"] = "message",
        }));
    }

    /// <summary>The kernel's token, readable by the area's uid only; replaced atomically.</summary>
    public void WriteToken(string token, int? uid) => WriteSecret(TokenFile, token, uid);

    public void DeleteToken()
    {
        File.Delete(TokenFile);
        File.Delete(SecretFile);
    }
}
