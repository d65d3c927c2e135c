using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workbench.Server.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.ToTable("projects");
        project.HasKey(p => p.Id);
        project.Property(p => p.Id).HasMaxLength(32);
        project.Property(p => p.CurrentVersion).IsConcurrencyToken();
        project.Property(p => p.CreatedBy).HasMaxLength(64);
    }
}

/// <summary>
/// A version row keeps its definition as one JSON document: versions are immutable, and the JSON keeps allowlist,
/// members and weighing together exactly as decided.
/// </summary>
internal sealed class ProjectVersionConfiguration : IEntityTypeConfiguration<ProjectVersion>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<ProjectVersion> version)
    {
        version.ToTable("project_versions");
        version.HasKey(v => new { v.ProjectId, v.Version });
        version.HasOne<Project>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Restrict);
        version.Property(v => v.ChangedBy).HasMaxLength(64);
        version.Property(v => v.Definition).HasColumnName("definition").HasConversion(
            d => JsonSerializer.Serialize(d, Json),
            s => JsonSerializer.Deserialize<ProjectDefinition>(s, Json)!,
            new ValueComparer<ProjectDefinition>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                d => JsonSerializer.Serialize(d, Json).GetHashCode(StringComparison.Ordinal),
                d => JsonSerializer.Deserialize<ProjectDefinition>(JsonSerializer.Serialize(d, Json), Json)!));
    }
}
