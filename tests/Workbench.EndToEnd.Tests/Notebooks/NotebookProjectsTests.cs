using Workbench.Microdata.Schema;

namespace Workbench.EndToEnd.Tests.Notebooks;

/// <summary><c>notebooks/projects.json</c> is the one definition of the notebooks' projects: real columns, quoted by the README.</summary>
public sealed class NotebookProjectsTests
{
    [Fact]
    public void Projects_EveryNotebook_HasAProjectOfStoredColumns()
    {
        var notebooks = Directory.GetFiles(NotebookProject.Directory, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(notebooks, NotebookProject.All.Select(p => p.Notebook).Order(StringComparer.Ordinal));
        Assert.All(NotebookProject.All.SelectMany(p => p.Datasets), grant =>
        {
            var stored = Datasets.Get(grant.Key).Columns.Select(c => c.StoredAs).OfType<string>();
            Assert.Empty(grant.Value.Except(stored, StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Readme_EveryAllowlist_IsQuotedUnderItsNotebook()
    {
        var readme = File.ReadAllText(Path.Combine(NotebookProject.Directory, "README.md"));

        Assert.All(NotebookProject.All, project =>
        {
            var section = readme[readme.IndexOf($"]({project.Notebook})", StringComparison.Ordinal)..];
            var next = section.IndexOf("\n## ", StringComparison.Ordinal);
            section = next < 0 ? section : section[..next];
            foreach (var (dataset, columns) in project.Datasets)
            {
                Assert.Contains($"- `{dataset}`: {string.Join(", ", columns.Select(c => $"`{c}`"))}\n", section, StringComparison.Ordinal);
            }
            Assert.Equal(project.Datasets.Count, section.Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal)));
        });
    }
}
