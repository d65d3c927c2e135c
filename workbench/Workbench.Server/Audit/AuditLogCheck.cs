using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Database;

namespace Workbench.Server.Audit;

/// <summary>Verifies the server's own log as <c>workbench audit verify</c> does: the same checks, the server's clock and journal.</summary>
public sealed class AuditLogCheck(WorkbenchDbContext db, IOptions<AuditOptions> options, AuditJournal journal, TimeProvider time)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await AuditLog.VerifyAsync(db.Database.GetDbConnection(), options.Value.Key, journal.Journal,
                options.Value.Policy, time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
