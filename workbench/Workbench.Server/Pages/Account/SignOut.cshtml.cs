using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Identity;

namespace Workbench.Server.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<WorkbenchUser> signIn, AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.SaveChangesAsync([AuditEvent.Create(User.UserId(), AuditActions.SignedOut, $"user:{User.Identity.Name}", new { })], ct);
        }
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
