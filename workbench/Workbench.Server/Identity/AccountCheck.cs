using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workbench.Server.Database;

namespace Workbench.Server.Identity;

/// <summary>An account as the database holds it at this request: the user row and the organisation roles.</summary>
public sealed record AccountState(WorkbenchUser User, IReadOnlyList<WorkbenchRole> Roles);

/// <summary>
/// Reads the caller's account on every authenticated request (sign-in cookie and bearer token alike), once per
/// request: one query for the user and their roles. A lock, a deletion or a reset (security stamp) ends a session
/// or a token at the next request, and a revoked role is gone from it at the next request, instead of after the
/// security-stamp interval (30 minutes by default). Scoped: the answer is cached for the rest of the request.
/// </summary>
public sealed class AccountCheck(WorkbenchDbContext db, UserManager<WorkbenchUser> users)
{
    private (string Id, AccountState? State, string? Refusal)? cached;

    /// <summary>The account when it may act now; otherwise null and why not (deleted, or locked).</summary>
    public async Task<(AccountState? State, string? Refusal)> FindActiveAsync(string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (cached is { } hit && hit.Id == userId) return (hit.State, hit.Refusal);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { User = u, Roles = db.RoleAssignments.Where(a => a.UserId == u.Id).Select(a => a.Role).ToList() })
            .SingleOrDefaultAsync(ct);
        (AccountState?, string?) answer = row is null ? (null, "the account no longer exists")
            : await users.IsLockedOutAsync(row.User) ? (null, "the account is locked")
            : (new AccountState(row.User, [.. row.Roles.Distinct()]), null);
        cached = (userId, answer.Item1, answer.Item2);
        return answer;
    }
}
