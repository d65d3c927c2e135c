using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Server.Identity;
using Workbench.Server.Questions;

namespace Workbench.Server.Pages.Questions;

[Authorize(Policy = Policies.Steering)]
public sealed class BacklogModel(QuestionReader reader) : PageModel
{
    public Backlog Backlog { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Backlog = await reader.BacklogAsync(User, ct);
}
