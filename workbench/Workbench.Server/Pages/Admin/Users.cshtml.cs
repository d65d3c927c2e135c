using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Organisations;

namespace Workbench.Server.Pages.Admin;

/// <summary>
/// Accounts and organisations for Admins: the same operations as <c>/api/users</c> and <c>/api/organisations</c>.
/// Account changes are sensitive: the page also needs a recent MFA confirmation (<see cref="Policies.RecentMfa"/>),
/// and sends an older session to the step-up page first.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[Authorize(Policy = Policies.RecentMfa)]
public sealed class UsersModel(UserAdministration administration, WorkbenchDbContext db, AuditTrail audit) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string OrganisationId { get; set; } = "CBS";
    [BindProperty] public List<WorkbenchRole> Roles { get; set; } = [];
    [BindProperty] public string InitialPassword { get; set; } = "";
    [BindProperty] public string NewOrganisationId { get; set; } = "";
    [BindProperty] public string NewOrganisationName { get; set; } = "";
    [BindProperty] public OrganisationKind NewOrganisationKind { get; set; } = OrganisationKind.Municipality;

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var user = await administration.CreateAsync(new CreateUserRequest(UserName, Email, DisplayName, OrganisationId, Roles, InitialPassword), User, ct);
        return $"Account {user.UserName} created; they enrol an authenticator at their first sign-in.";
    }, ct);

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) =>
        RunAsync(async () => $"{(await administration.SetLockedAsync(id, true, User, ct)).UserName} is locked.", ct);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        RunAsync(async () => $"{(await administration.SetLockedAsync(id, false, User, ct)).UserName} is unlocked.", ct);

    public Task<IActionResult> OnPostGrantAsync(string id, WorkbenchRole role, CancellationToken ct) =>
        RunAsync(async () => $"{(await administration.GrantAsync(id, role, User, ct)).UserName} now holds {role}.", ct);

    public Task<IActionResult> OnPostRevokeAsync(string id, WorkbenchRole role, CancellationToken ct) =>
        RunAsync(async () => $"{(await administration.RevokeAsync(id, role, User, ct)).UserName} no longer holds {role}.", ct);

    public Task<IActionResult> OnPostOrganisationAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var organisation = await OrganisationsApi.CreateAsync(
            new CreateOrganisationRequest(NewOrganisationId, NewOrganisationName, NewOrganisationKind), db, audit, User, ct);
        return $"Organisation {organisation.Id} added.";
    }, ct);

    // Post-redirect-get on success; on a refusal the page again with the reason and the form as it was.
    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            Done = await action();
            return RedirectToPage();
        }
        catch (ValidationFailedException e)
        {
            Errors = [.. e.Errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))];
        }
        catch (DomainException e)
        {
            Errors = [e.Message];
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await administration.ListAsync(ct);
        Organisations = await db.Organisations.OrderBy(o => o.Id).ToListAsync(ct);
    }
}
