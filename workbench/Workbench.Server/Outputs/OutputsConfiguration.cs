using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workbench.Server.Outputs;

internal sealed class OutputRequestConfiguration : IEntityTypeConfiguration<OutputRequest>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<OutputRequest> output)
    {
        output.ToTable("output_requests");
        output.HasKey(o => o.Id);
        output.Property(o => o.Id).HasMaxLength(32);
        output.Property(o => o.ProjectId).HasMaxLength(32);
        output.HasOne<Projects.Project>().WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Restrict);
        output.Property(o => o.AuthorId).HasMaxLength(64);
        output.Property(o => o.Title).HasMaxLength(200);
        output.Property(o => o.ContentHash).HasMaxLength(64);
        output.Property(o => o.Verdict).HasConversion<string>().HasMaxLength(16);
        output.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        output.Property(o => o.Version).IsConcurrencyToken();
        output.HasIndex(o => o.Status);
        output.HasIndex(o => o.AuthorId);
        output.Property(o => o.ComparedWith).HasColumnName("compared_with").HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<string>>(s, Json)!,
            Comparer<List<string>>());
        output.Property(o => o.Reviews).HasColumnName("reviews").HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<StoredReview>>(s, Json)!,
            Comparer<List<StoredReview>>());
    }

    private static ValueComparer<T> Comparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
        v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
        v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!);
}

internal sealed class OutputReleaseConfiguration : IEntityTypeConfiguration<OutputRelease>
{
    public void Configure(EntityTypeBuilder<OutputRelease> release)
    {
        release.ToTable("releases");
        release.HasKey(r => r.Version);
        release.Property(r => r.Version).HasMaxLength(16);
    }
}

internal sealed class ReleasedOutputConfiguration : IEntityTypeConfiguration<ReleasedOutput>
{
    public void Configure(EntityTypeBuilder<ReleasedOutput> released)
    {
        released.ToTable("released_outputs");
        released.HasKey(r => r.OutputId); // one release per output, whatever races above
        released.HasOne<OutputRequest>().WithOne().HasForeignKey<ReleasedOutput>(r => r.OutputId).OnDelete(DeleteBehavior.Restrict);
        released.HasOne<OutputRelease>().WithMany().HasForeignKey(r => r.ReleaseVersion).OnDelete(DeleteBehavior.Restrict);
        released.Property(r => r.ReleaseVersion).HasMaxLength(16);
        released.Property(r => r.ProjectId).HasMaxLength(32);
        released.Property(r => r.Title).HasMaxLength(200);
        released.Property(r => r.ContentHash).HasMaxLength(64);
        released.Property(r => r.FirstApprover).HasMaxLength(64);
        released.Property(r => r.SecondApprover).HasMaxLength(64);
        released.Property(r => r.Signature).HasMaxLength(64);
        released.HasIndex(r => r.ReleaseVersion);
        released.HasIndex(r => r.ProjectId);
    }
}

internal sealed class RetractionConfiguration : IEntityTypeConfiguration<Retraction>
{
    public void Configure(EntityTypeBuilder<Retraction> retraction)
    {
        retraction.ToTable("retractions");
        retraction.HasKey(r => r.OutputId); // retracted once
        retraction.HasOne<ReleasedOutput>().WithOne().HasForeignKey<Retraction>(r => r.OutputId).OnDelete(DeleteBehavior.Restrict);
        retraction.Property(r => r.RetractedBy).HasMaxLength(64);
    }
}
