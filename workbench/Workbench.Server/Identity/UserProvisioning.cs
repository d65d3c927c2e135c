using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;

namespace Workbench.Server.Identity;

/// <summary>A user to create, with organisation roles and optionally an authenticator key already enrolled.</summary>
public sealed record NewUser(
    string UserName, string Email, string DisplayName, string OrganisationId, IReadOnlyList<WorkbenchRole> Roles,
    string Password, string? TotpKey);

/// <summary>Creates personal accounts with their organisation roles, audited in the same transaction.</summary>
public sealed class UserProvisioning(
    UserManager<WorkbenchUser> users, IUserStore<WorkbenchUser> store, WorkbenchDbContext db, AuditTrail audit)
{
    /// <summary>Creates the user unless one with that name exists; returns the user either way.</summary>
    public async Task<WorkbenchUser> EnsureAsync(NewUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await users.FindByNameAsync(request.UserName) ?? await CreateAsync(request, cancellationToken);
    }

    /// <summary>Creates the user; <paramref name="actor"/> is who did it (an Admin's id, or <c>system</c> for seeding).</summary>
    public async Task<WorkbenchUser> CreateAsync(NewUser request, CancellationToken cancellationToken, string actor = "system")
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, cancellationToken))
        {
            throw ValidationFailedException.For("organisationId", $"unknown organisation '{request.OrganisationId}'");
        }
        return await audit.RunAsync(async () =>
        {
            var user = new WorkbenchUser
            {
                UserName = request.UserName, Email = request.Email, DisplayName = request.DisplayName,
                OrganisationId = request.OrganisationId,
            };
            Check(await users.CreateAsync(user, request.Password));
            if (request.TotpKey is { Length: > 0 } key)
            {
                await ((IUserAuthenticatorKeyStore<WorkbenchUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            foreach (var role in request.Roles.Distinct())
            {
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganisationId = request.OrganisationId });
            }
            var created = AuditEvent.Create(actor, AuditActions.UserCreated, $"user:{user.UserName}",
                new { userId = user.Id, organisation = request.OrganisationId, roles = request.Roles.Select(r => r.ToString()) });
            return (user, (IReadOnlyList<AuditEvent>)[created]);
        }, cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(result.Errors.GroupBy(e => e.Code)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
    }
}
