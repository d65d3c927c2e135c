using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Identity;

namespace Workbench.Server.Pages.Audit;

[Authorize(Policy = Policies.AuditReader)]
public sealed class IndexModel(WorkbenchDbContext db, AuditLogCheck check) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }

    public AuditQuery Query { get; private set; } = new();

    public string QueryString => Request.QueryString.Value?.TrimStart('?') ?? "";

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public AuditVerification Verification { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = new AuditQuery(Actor, Action, Subject,
            From is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null,
            To is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null, Take: 200);
        Entries = await Query.Apply(db).ToListAsync(ct);
        Verification = await check.VerifyAsync(ct);
    }
}
