using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Organisations;
using Workbench.Server.Projects;
using Workbench.Server.Questions;

namespace Workbench.Server.Database;

/// <summary>
/// The server's one database. Each provider has its own subclass so that each keeps its own migrations
/// (<see cref="SqliteWorkbenchDbContext"/>, <see cref="PostgresWorkbenchDbContext"/>); the model is the same.
/// </summary>
public abstract class WorkbenchDbContext(DbContextOptions options) : IdentityDbContext<WorkbenchUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectVersion> ProjectVersions => Set<ProjectVersion>();

    public DbSet<ResearchQuestion> Questions => Set<ResearchQuestion>();

    public DbSet<QuestionRevision> QuestionRevisions => Set<QuestionRevision>();

    public DbSet<QuestionScore> QuestionScores => Set<QuestionScore>();

    public DbSet<QuestionStatusChange> QuestionStatusChanges => Set<QuestionStatusChange>();
    public DbSet<Outputs.OutputRequest> OutputRequests => Set<Outputs.OutputRequest>();

    public DbSet<Outputs.OutputRelease> Releases => Set<Outputs.OutputRelease>();

    public DbSet<Outputs.ReleasedOutput> ReleasedOutputs => Set<Outputs.ReleasedOutput>();

    public DbSet<Outputs.Retraction> Retractions => Set<Outputs.Retraction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkbenchDbContext).Assembly);
        builder.UseOpenIddict(); // applications, authorizations, scopes and (reference) tokens of the OpenID provider
    }
}

/// <summary>The model on SQLite, with the migrations under <c>Database/Migrations/Sqlite</c>.</summary>
public sealed class SqliteWorkbenchDbContext(DbContextOptions<SqliteWorkbenchDbContext> options)
    : WorkbenchDbContext(options);

/// <summary>The model on PostgreSQL, with the migrations under <c>Database/Migrations/Postgres</c>.</summary>
public sealed class PostgresWorkbenchDbContext(DbContextOptions<PostgresWorkbenchDbContext> options)
    : WorkbenchDbContext(options);
