using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workbench.Server.Identity;

/// <summary>
/// A role a user holds within an organisation. A user may hold several. Roles within a project are recorded with the
/// project's members (see <c>Projects</c>), so they are versioned with the project.
/// </summary>
public sealed class RoleAssignment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string UserId { get; init; }

    public required WorkbenchRole Role { get; init; }

    public required string OrganisationId { get; init; }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> assignment)
    {
        assignment.ToTable("role_assignments");
        assignment.HasKey(a => a.Id);
        assignment.Property(a => a.Role).HasConversion<string>().HasMaxLength(32);
        assignment.HasIndex(a => new { a.UserId, a.Role, a.OrganisationId }).IsUnique();
        assignment.HasOne<WorkbenchUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkbenchUserConfiguration : IEntityTypeConfiguration<WorkbenchUser>
{
    public void Configure(EntityTypeBuilder<WorkbenchUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.OrganisationId).HasMaxLength(32);
        user.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
