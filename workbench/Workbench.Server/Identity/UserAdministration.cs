using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;

namespace Workbench.Server.Identity;

/// <summary>A user as administrators see it.</summary>
public sealed record UserSummary(
    string Id, string UserName, string DisplayName, string Email, string OrganisationId, IReadOnlyList<WorkbenchRole> Roles,
    bool MfaEnrolled, bool Locked);

/// <summary>A new personal account. It gets no authenticator: the person enrols one at first sign-in.</summary>
public sealed record CreateUserRequest(
    string UserName, string Email, string DisplayName, string OrganisationId, IReadOnlyList<WorkbenchRole> Roles, string InitialPassword);

/// <summary>
/// What Admins do with accounts: create (personal accounts only, MFA enrolled at first sign-in), lock and unlock,
/// grant and revoke organisation roles. Each change is audited in its transaction. Locking also renews the security
/// stamp and revokes the user's tokens in the same transaction, and the per-request check (<see cref="AccountCheck"/>)
/// ends the user's open sessions at their next request. A role change takes effect at the user's next request too:
/// the session is re-issued with the roles in the database (tokens hold no roles), so it needs no new sign-in.
/// </summary>
public sealed class UserAdministration(
    UserManager<WorkbenchUser> users, UserProvisioning provisioning, WorkbenchDbContext db, AuditTrail audit,
    IOpenIddictTokenManager tokens, TimeProvider time)
{
    /// <summary>Names that suggest an account shared by several people, refused.</summary>
    private static readonly string[] SharedNames = ["admin", "administrator", "root", "shared", "team", "test", "guest", "service", "user"];

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        var all = await db.Users.OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await db.RoleAssignments.ToListAsync(ct);
        return [.. all.Select(u => Summary(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Role)))];
    }

    public async Task<UserSummary> GetAsync(string id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        return Summary(user, await RolesAsync(user.Id, ct));
    }

    public async Task<UserSummary> CreateAsync(CreateUserRequest request, ClaimsPrincipal actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (request.UserName ?? "").Trim();
        if (SharedNames.Contains(name.ToLowerInvariant()))
        {
            throw ValidationFailedException.For("userName", $"'{name}' looks like a shared account; every account belongs to one person (use their own name)");
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            throw ValidationFailedException.For("displayName", "give the person's name");
        }
        if (request.Roles is null || request.Roles.Count == 0 || request.Roles.Any(r => !Enum.IsDefined(r)))
        {
            throw ValidationFailedException.For("roles", "grant at least one known role");
        }
        if (await users.FindByEmailAsync(request.Email ?? "") is not null)
        {
            throw ValidationFailedException.For("email", "another account already uses this e-mail address; accounts are personal");
        }
        var user = await provisioning.CreateAsync(
            new NewUser(name, request.Email ?? "", request.DisplayName.Trim(), request.OrganisationId ?? "", request.Roles,
                request.InitialPassword ?? "", TotpKey: null), ct, actor.UserId());
        return await GetAsync(user.Id, ct);
    }

    public async Task<UserSummary> SetLockedAsync(string id, bool locked, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (locked && user.Id == actor.UserId())
        {
            throw new ConflictException("you cannot lock your own account");
        }
        await audit.RunAsync(async () =>
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
            if (locked)
            {
                Check(await users.UpdateSecurityStampAsync(user));
                await tokens.RevokeBySubjectAsync(user.Id, ct);
            }
            else
            {
                Check(await users.ResetAccessFailedCountAsync(user));
            }
            return (true, (IReadOnlyList<AuditEvent>)[AuditEvent.Create(actor.UserId(), locked ? AuditActions.UserLocked : AuditActions.UserUnlocked,
                $"user:{user.UserName}", new { userId = user.Id })]);
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<UserSummary> GrantAsync(string id, WorkbenchRole role, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (!Enum.IsDefined(role)) throw ValidationFailedException.For("role", $"unknown role '{role}'");
        if (await db.RoleAssignments.AnyAsync(a => a.UserId == user.Id && a.Role == role && a.OrganisationId == user.OrganisationId, ct))
        {
            throw new ConflictException($"{user.UserName} already holds {role} in {user.OrganisationId}");
        }
        await audit.RunAsync(async () =>
        {
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganisationId = user.OrganisationId });
            return (true, (IReadOnlyList<AuditEvent>)[AuditEvent.Create(actor.UserId(), AuditActions.RoleGranted, $"user:{user.UserName}",
                new { userId = user.Id, role = role.ToString(), organisation = user.OrganisationId })]);
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<UserSummary> RevokeAsync(string id, WorkbenchRole role, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (role == WorkbenchRole.Admin && user.Id == actor.UserId())
        {
            throw new ConflictException("you cannot revoke your own Admin role; another Admin must do it");
        }
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(a => a.UserId == user.Id && a.Role == role && a.OrganisationId == user.OrganisationId, ct)
            ?? throw new NotFoundException($"{user.UserName} does not hold {role} in {user.OrganisationId}");
        await audit.RunAsync(async () =>
        {
            db.RoleAssignments.Remove(assignment);
            return (true, (IReadOnlyList<AuditEvent>)[AuditEvent.Create(actor.UserId(), AuditActions.RoleRevoked, $"user:{user.UserName}",
                new { userId = user.Id, role = role.ToString(), organisation = user.OrganisationId })]);
        }, ct);
        return await GetAsync(id, ct);
    }

    private async Task<WorkbenchUser> FindAsync(string id, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException($"there is no user '{id}'");

    private async Task<List<WorkbenchRole>> RolesAsync(string userId, CancellationToken ct) =>
        await db.RoleAssignments.Where(a => a.UserId == userId).Select(a => a.Role).ToListAsync(ct);

    private UserSummary Summary(WorkbenchUser u, IEnumerable<WorkbenchRole> roles) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, u.Email ?? "", u.OrganisationId, [.. roles.Distinct().Order()],
            u.TwoFactorEnabled, u.LockoutEnd is { } end && end > time.GetUtcNow());

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
    }
}
