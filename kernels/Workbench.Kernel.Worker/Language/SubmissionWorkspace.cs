using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.QuickInfo;
using Microsoft.CodeAnalysis.Text;

namespace Workbench.Kernel.Worker.Language;

/// <summary>
/// Roslyn's completion and quick info for a cell, against everything the session ran before it: each submission is a
/// project (<c>isSubmission</c>) that references the one before, as in Roslyn's own interactive window, and a question
/// about a cell is asked of a document in a new project at the end of that chain. The workspace (its composition and
/// the editor features, a second and tens of MiB) is made on the first question: a session that is only run never
/// pays for it.
/// </summary>
internal sealed class SubmissionWorkspace(IReadOnlyList<MetadataReference> references) : IDisposable
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    private readonly Lock gate = new();
    private readonly List<string> pending = [];
    private AdhocWorkspace? workspace;
    private ProjectId? last;
    private int count;

    /// <summary>Appends a submission that compiled (and ran) to the chain.</summary>
    public void Add(string code)
    {
        lock (gate)
        {
            if (workspace is null)
            {
                pending.Add(code);
                return;
            }
            Append(workspace, code);
        }
    }

    /// <summary>The completion items at <paramref name="position"/> (UTF-16) of a cell that is being written.</summary>
    public async Task<IReadOnlyList<CompletionItem>> CompleteAsync(string code, int position, CancellationToken cancellationToken)
    {
        var document = Draft(code);
        var service = CompletionService.GetService(document);
        if (service is null) return [];
        var list = await service.GetCompletionsAsync(document, position, cancellationToken: cancellationToken);
        return list.ItemsList;
    }

    /// <summary>The symbol at <paramref name="position"/> as Markdown (its declaration, then its documentation), or null.</summary>
    public async Task<string?> DescribeAsync(string code, int position, CancellationToken cancellationToken)
    {
        var document = Draft(code);
        var service = QuickInfoService.GetService(document);
        if (service is null) return null;
        var info = await service.GetQuickInfoAsync(document, position, cancellationToken);
        if (info is null) return null;
        var description = info.Sections.FirstOrDefault(s => s.Kind == QuickInfoSectionKinds.Description)?.Text;
        if (string.IsNullOrWhiteSpace(description)) return null;
        var documentation = info.Sections.FirstOrDefault(s => s.Kind == QuickInfoSectionKinds.DocumentationComments)?.Text;
        return string.IsNullOrWhiteSpace(documentation) ? $"```csharp\n{description}\n```" : $"```csharp\n{description}\n```\n\n{documentation}";
    }

    private Document Draft(string code)
    {
        lock (gate)
        {
            if (workspace is null)
            {
                workspace = new AdhocWorkspace(Host.Value);
                foreach (var submission in pending) Append(workspace, submission);
                pending.Clear();
            }
            // The draft lives only in this solution: the workspace's chain stays as the session ran it.
            var (solution, document) = WithSubmission(workspace.CurrentSolution, code);
            return solution.GetDocument(document)!;
        }
    }

    private void Append(AdhocWorkspace into, string code)
    {
        var (solution, document) = WithSubmission(into.CurrentSolution, code);
        if (!into.TryApplyChanges(solution)) throw new InvalidOperationException("the submission workspace refused a submission");
        last = document.ProjectId;
    }

    /// <summary>The solution with one more submission project after <see cref="last"/>, holding <paramref name="code"/>.</summary>
    private (Solution Solution, DocumentId Document) WithSubmission(Solution solution, string code)
    {
        var name = $"Submission#{count++}";
        var project = ProjectId.CreateNewId(name);
        solution = solution.AddProject(ProjectInfo.Create(
            project, VersionStamp.Create(), name, name, LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, scriptClassName: name),
            parseOptions: Script,
            metadataReferences: references,
            projectReferences: last is null ? [] : [new ProjectReference(last)],
            isSubmission: true));
        var document = DocumentId.CreateNewId(project);
        return (solution.AddDocument(document, name, SourceText.From(code)), document);
    }

    /// <summary>Roslyn's workspace and editor features for C#, without Visual Basic's.</summary>
    private static readonly Lazy<MefHostServices> Host = new(() => MefHostServices.Create(
        MefHostServices.DefaultAssemblies.Where(a => !a.GetName().Name!.Contains("VisualBasic", StringComparison.Ordinal))));

    public void Dispose()
    {
        lock (gate) workspace?.Dispose();
    }
}
