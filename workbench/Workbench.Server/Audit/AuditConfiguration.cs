using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workbench.Audit;
using static Workbench.Audit.AuditSchema;

namespace Workbench.Server.Audit;

/// <summary>Maps the library's audit records onto the tables <see cref="AuditSchema"/> names.</summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable(EntriesTable);
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).HasColumnName(Sequence).ValueGeneratedNever();
        entry.Property(e => e.OccurredAtMs).HasColumnName(OccurredAtMs);
        entry.Property(e => e.Actor).HasColumnName(Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasColumnName(AuditSchema.Action).HasMaxLength(64);
        entry.Property(e => e.Subject).HasColumnName(Subject).HasMaxLength(256);
        entry.Property(e => e.Details).HasColumnName(Details);
        entry.Property(e => e.PreviousHash).HasColumnName(PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasColumnName(Hash).HasMaxLength(64);
        entry.Ignore(e => e.OccurredAt);
        entry.HasIndex(e => e.Hash).IsUnique();
        entry.HasIndex(e => e.OccurredAtMs);
        entry.HasIndex(e => e.Actor);
        entry.HasIndex(e => e.Subject);
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> checkpoint)
    {
        checkpoint.ToTable(CheckpointsTable);
        checkpoint.HasKey(c => c.TreeSize);
        checkpoint.Property(c => c.TreeSize).HasColumnName(TreeSize).ValueGeneratedNever();
        checkpoint.Property(c => c.RootHash).HasColumnName(RootHash).HasMaxLength(64);
        checkpoint.Property(c => c.SignedAtMs).HasColumnName(SignedAtMs);
        checkpoint.Property(c => c.Signature).HasColumnName(Signature).HasMaxLength(64);
    }
}
