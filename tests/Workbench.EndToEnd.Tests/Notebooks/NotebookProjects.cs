using System.Text.Json;
using Workbench.EndToEnd.Tests.Infrastructure;
using Workbench.Server.Projects;
using Workbench.Server.Tests.Projects;

namespace Workbench.EndToEnd.Tests.Notebooks;

/// <summary>
/// <c>notebooks/projects.json</c>, the one place that says which project (title, purpose, allowlist) each notebook
/// runs in; notebooks/README.md quotes it. Copied next to the test assembly with the notebooks.
/// </summary>
internal sealed record NotebookProject(string Notebook, string Title, string Purpose, IReadOnlyDictionary<string, string[]> Datasets)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "notebooks");

    public static IReadOnlyList<NotebookProject> All { get; } = Read();

    public static NotebookProject For(string notebook) =>
        All.SingleOrDefault(p => p.Notebook == notebook) ?? throw new KeyNotFoundException($"notebooks/projects.json has no project for '{notebook}'");

    public string NotebookPath => Path.Combine(Directory, Notebook);

    /// <summary>The project request an administrator would make for this notebook, with the user as its data scientist.</summary>
    public ProjectRequest Request(string scientistId) => ProjectBuilder.Valid(ProjectBuilder.Scientist(scientistId)) with
    {
        Title = Title,
        Purpose = Purpose,
        Datasets = [.. Datasets.Select(d => new DatasetGrant(d.Key, d.Value))],
    };

    private sealed record File(IReadOnlyList<NotebookProject> Projects);

    private static IReadOnlyList<NotebookProject> Read() =>
        JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(Path.Combine(Directory, "projects.json")), WorkbenchSession.Json)!.Projects;
}
