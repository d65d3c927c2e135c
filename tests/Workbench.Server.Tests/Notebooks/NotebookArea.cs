using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Server.Identity;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Infrastructure;
using Workbench.Server.Tests.Projects;

namespace Workbench.Server.Tests.Notebooks;

/// <summary>
/// Where a test's notebook work areas live: its own temporary directory that the sandbox's uid may pass through (the
/// test database's directory is owner-only), removed afterwards.
/// </summary>
internal sealed class NotebookArea : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("workbench-notebooks-").FullName;

    /// <summary>The notebooks' own origin of this test's server: another host name than the workbench's 127.0.0.1.</summary>
    public Uri Origin { get; } = new($"http://localhost:{WorkbenchApp.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public Dictionary<string, string> Settings(int maxPerUser = 2) => new()
    {
        ["Notebooks:Directory"] = Root,
        ["Notebooks:Origin"] = Origin.GetLeftPart(UriPartial.Authority),
        ["Notebooks:MaxPerUser"] = maxPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notebooks:KernelArguments:0"] = "--memory-limit-mb", ["Notebooks:KernelArguments:1"] = "1536",
        ["Notebooks:KernelArguments:2"] = "--heap-limit-mb", ["Notebooks:KernelArguments:3"] = "512",
    };

    /// <summary>A data scientist and a project of theirs, created by an admin through the API.</summary>
    public static async Task<(TestUser Scientist, string Project)> ProjectAsync(WorkbenchApp app, TestUser? scientist = null)
    {
        var admin = await WorkbenchApp.SignInAsync(await app.CreateUserAsync($"admin{Guid.NewGuid():N}"[..12], "CBS", WorkbenchRole.Admin), app.CreateLoopbackClient());
        scientist ??= await app.CreateUserAsync("sci", "CBS", WorkbenchRole.DataScientist);
        return (scientist, await ProjectBuilder.CreateAsync(admin, ProjectBuilder.Valid(ProjectBuilder.Scientist(scientist.Id))));
    }

    /// <summary>The contents-API body of a notebook on the workbench kernel with one code cell.</summary>
    public static object Notebook(string code) => new
    {
        type = "notebook", format = "json",
        content = new
        {
            nbformat = 4, nbformat_minor = 5,
            metadata = new { kernelspec = new { name = "workbench-csharp", display_name = "C# (Workbench)", language = "C#" } },
            cells = new[] { new { cell_type = "code", id = "c1", source = code, metadata = new { }, outputs = Array.Empty<object>(), execution_count = (int?)null } },
        },
    };

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (UnauthorizedAccessException) { /* the sandbox's uid owns the work directories: the temp cleaner removes them */ }
        catch (IOException) { }
    }
}
