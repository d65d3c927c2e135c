using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Questions;

public sealed class IndexModel(QuestionReader reader) : PageModel
{
    public IReadOnlyList<QuestionSummary> Questions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Questions = await reader.ListAsync(User, ct);
}
