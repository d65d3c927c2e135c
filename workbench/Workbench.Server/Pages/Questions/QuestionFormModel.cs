using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Errors;
using Workbench.Server.Projects;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Questions;

/// <summary>The fields of a question as the create and edit pages show them (<c>_QuestionFields</c>), and back.</summary>
public abstract class QuestionFormModel : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public string Question { get; set; } = "";
    [BindProperty] public string PolicyProblem { get; set; } = "";
    [BindProperty] public string Areas { get; set; } = "";
    [BindProperty] public List<string> Columns { get; set; } = [];
    [BindProperty] public string DataNotes { get; set; } = "";
    [BindProperty] public LegalBasis LegalBasis { get; set; } = LegalBasis.PublicTask;
    [BindProperty] public string LegalBasisJustification { get; set; } = "";
    [BindProperty] public DateOnly? NeededBy { get; set; }

    /// <summary>Which button was pressed: <c>draft</c> or <c>submit</c> (or <c>revise</c> on a submitted question).</summary>
    [BindProperty] public string Action { get; set; } = "draft";

    public IReadOnlyList<string> Errors { get; protected set; } = [];

    protected QuestionContent ToContent() => new(
        Title ?? "", Question ?? "", PolicyProblem ?? "",
        [.. (Areas ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)],
        [.. (Columns ?? []).Select(c => c.Split(':', 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).Select(g => new DatasetGrant(g.Key, [.. g.Select(p => p[1])]))],
        DataNotes ?? "", LegalBasis, LegalBasisJustification ?? "", NeededBy);

    protected void Fill(QuestionContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        (Title, Question, PolicyProblem, Areas, DataNotes) = (content.Title, content.Question, content.PolicyProblem, string.Join(", ", content.Areas), content.DataNotes);
        Columns = [.. content.Datasets.SelectMany(g => g.Columns.Select(c => $"{g.Dataset}:{c}"))];
        (LegalBasis, LegalBasisJustification, NeededBy) = (content.LegalBasis, content.LegalBasisJustification, content.NeededBy);
    }

    protected void Show(DomainException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Errors = e is ValidationFailedException v ? [.. v.Errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}"))] : [e.Message];
    }
}
