using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Server.Database;

namespace Workbench.Server.Identity;

/// <summary>Adds the user's organisation and organisation roles to the sign-in.</summary>
internal sealed class WorkbenchClaimsFactory(
    UserManager<WorkbenchUser> users, IOptions<IdentityOptions> options, WorkbenchDbContext db)
    : UserClaimsPrincipalFactory<WorkbenchUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WorkbenchUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkbenchClaims.Organisation, user.OrganisationId));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        var roles = await db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role).Distinct().ToListAsync();
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(WorkbenchClaims.Role, role.ToString()));
        }
        return identity;
    }
}
