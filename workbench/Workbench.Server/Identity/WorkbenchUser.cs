using Microsoft.AspNetCore.Identity;

namespace Workbench.Server.Identity;

/// <summary>A person with a personal account (there are no shared accounts), belonging to one organisation.</summary>
public sealed class WorkbenchUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public required string OrganisationId { get; set; }
}
