using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workbench.Server.Questions;

internal sealed class ResearchQuestionConfiguration : IEntityTypeConfiguration<ResearchQuestion>
{
    public void Configure(EntityTypeBuilder<ResearchQuestion> question)
    {
        question.ToTable("research_questions");
        question.HasKey(q => q.Id);
        question.Property(q => q.Id).HasMaxLength(32);
        question.Property(q => q.OrganisationId).HasMaxLength(32);
        question.Property(q => q.CreatedBy).HasMaxLength(64);
        question.Property(q => q.DecidedBy).HasMaxLength(64);
        question.Property(q => q.ProjectId).HasMaxLength(32);
        question.Property(q => q.Status).HasConversion<string>().HasMaxLength(32);
        question.Property(q => q.Decision).HasConversion<string>().HasMaxLength(16);
        question.Property(q => q.Version).IsConcurrencyToken();
        question.HasIndex(q => q.OrganisationId);
        question.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        question.HasOne<Projects.Project>().WithMany().HasForeignKey(q => q.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A revision keeps its content as one JSON document, exactly as the requester wrote it.</summary>
internal sealed class QuestionRevisionConfiguration : IEntityTypeConfiguration<QuestionRevision>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<QuestionRevision> revision)
    {
        revision.ToTable("question_revisions");
        revision.HasKey(r => new { r.QuestionId, r.Revision });
        revision.HasOne<ResearchQuestion>().WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Restrict);
        revision.Property(r => r.ChangedBy).HasMaxLength(64);
        revision.Property(r => r.Content).HasColumnName("content").HasConversion(
            c => JsonSerializer.Serialize(c, Json),
            s => JsonSerializer.Deserialize<QuestionContent>(s, Json)!,
            new ValueComparer<QuestionContent>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                c => JsonSerializer.Serialize(c, Json).GetHashCode(StringComparison.Ordinal),
                c => JsonSerializer.Deserialize<QuestionContent>(JsonSerializer.Serialize(c, Json), Json)!));
    }
}

internal sealed class QuestionScoreConfiguration : IEntityTypeConfiguration<QuestionScore>
{
    public void Configure(EntityTypeBuilder<QuestionScore> score)
    {
        score.ToTable("question_scores");
        // One score per member per question: the key itself refuses a second one, even from two requests at once.
        score.HasKey(s => new { s.QuestionId, s.MemberId });
        score.Property(s => s.MemberId).HasMaxLength(64);
        score.HasOne<ResearchQuestion>().WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Restrict);
        score.HasOne<Identity.WorkbenchUser>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionStatusChangeConfiguration : IEntityTypeConfiguration<QuestionStatusChange>
{
    public void Configure(EntityTypeBuilder<QuestionStatusChange> change)
    {
        change.ToTable("question_status_changes");
        change.HasKey(c => new { c.QuestionId, c.Sequence });
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(32);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(32);
        change.Property(c => c.By).HasMaxLength(64);
        change.Property(c => c.OutputId).HasMaxLength(32);
        change.Property(c => c.ReleaseVersion).HasMaxLength(16);
        change.HasOne<ResearchQuestion>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
