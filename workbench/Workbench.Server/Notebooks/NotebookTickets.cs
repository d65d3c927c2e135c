using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Server.Database;
using Workbench.Server.Errors;

namespace Workbench.Server.Notebooks;

/// <summary>
/// One-time tickets that carry a workbench sign-in (with MFA) to the notebook origin, which never sees the workbench's
/// cookie: protected with Data Protection, bound to the user, the project and the user's security stamp, valid for
/// <see cref="NotebookOriginOptions.OriginTicketLifetime"/> (at most 60 s) and redeemed once. The used ones are
/// remembered in this process until they expire (one workbench process serves its notebooks).
/// </summary>
public sealed class NotebookTickets(IDataProtectionProvider protection, TimeProvider time, IOptions<NotebookOriginOptions> options)
{
    private const string Purpose = "Workbench.Notebooks.OriginTicket.v1";
    private readonly IDataProtector protector = protection.CreateProtector(Purpose);
    private readonly ConcurrentDictionary<string, DateTimeOffset> used = new(StringComparer.Ordinal);

    /// <summary>What a redeemed ticket says: who, for which project, under which security stamp.</summary>
    public sealed record Pass(string UserId, string ProjectId, string SecurityStamp);

    private sealed record Ticket(string Id, string User, string Project, string Stamp, long IssuedAt);

    /// <summary>A new ticket for the user and project, carrying the user's current security stamp.</summary>
    public async Task<string> IssueAsync(WorkbenchDbContext db, string userId, string projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await SecurityStampAsync(db, userId, ct) ?? throw new AccessDeniedException("your account is gone");
        var ticket = new Ticket(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), userId, projectId, stamp,
            time.GetUtcNow().ToUnixTimeMilliseconds());
        return protector.Protect(JsonSerializer.Serialize(ticket));
    }

    /// <summary>Checks the ticket for this project and marks it used.</summary>
    /// <exception cref="AccessDeniedException">Forged, altered, expired, used before or for another project; the reason says which.</exception>
    public Pass Redeem(string? ticket, string projectId, out string? userId)
    {
        userId = null;
        if (string.IsNullOrEmpty(ticket)) throw new AccessDeniedException("the address carries no ticket: open your notebooks from the workbench's Notebooks page");
        Ticket? read;
        try
        {
            read = JsonSerializer.Deserialize<Ticket>(protector.Unprotect(ticket));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            read = null;
        }
        if (read is null || string.IsNullOrEmpty(read.Id) || string.IsNullOrEmpty(read.User))
            throw new AccessDeniedException("the ticket is not valid (altered, or not from this workbench): open your notebooks from the workbench's Notebooks page");
        userId = read.User;
        var now = time.GetUtcNow();
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(read.IssuedAt);
        var lifetime = options.Value.OriginTicketLifetime;
        if (now - issued > lifetime || issued - now > TimeSpan.FromSeconds(5))
            throw new AccessDeniedException($"the ticket expired (it is valid for {lifetime.TotalSeconds:0} s): open your notebooks again from the workbench");
        if (!string.Equals(read.Project, projectId, StringComparison.Ordinal))
            throw new AccessDeniedException($"the ticket is for project {read.Project}, not {projectId}");
        foreach (var (id, expires) in used)
        {
            if (expires < now) used.TryRemove(id, out _);
        }
        if (!used.TryAdd(read.Id, issued + lifetime + TimeSpan.FromSeconds(5)))
            throw new AccessDeniedException("the ticket was used already (each one opens the notebooks once): open them again from the workbench");
        return new Pass(read.User, read.Project, read.Stamp);
    }

    /// <summary>The user's current security stamp (renewed when the password, the authenticator, the roles or the lock change), or null.</summary>
    internal static async Task<string?> SecurityStampAsync(WorkbenchDbContext db, string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp ?? "").SingleOrDefaultAsync(ct);
}
