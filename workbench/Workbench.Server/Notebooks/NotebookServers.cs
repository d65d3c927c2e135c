using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Audit;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.OpenId;
using Workbench.Server.Projects;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The notebook servers this workbench runs: at most one per user and project, started on demand for a data scientist
/// of the project within its retention, within the per-user and total limits; stopped on request, when idle, or when
/// the user's access to the project ends (then its kernel credential is revoked at once). Every start, stop and refusal
/// is audited.
/// </summary>
public sealed partial class NotebookServers(
    IOptions<NotebookOptions> options, IOptions<DatabaseOptions> database, KernelCredentials credentials, IServiceScopeFactory scopes,
    IServer host, TimeProvider time, ILogger<NotebookServers> logger) : IDisposable
{
    private readonly Dictionary<(string User, string Project), NotebookServer> running = [];
    private readonly SemaphoreSlim changing = new(1, 1);
    private readonly SemaphoreSlim sweeping = new(1, 1);

    private NotebookOptions Options => options.Value;

    private string Directory => Options.Directory is { Length: > 0 } d ? Path.GetFullPath(d) : Path.Combine(database.Value.ResolvedDataDirectory, "notebooks");

    /// <summary>The caller's running server for the project, if any.</summary>
    public NotebookServer? Find(string userId, string projectId)
    {
        lock (running) return running.GetValueOrDefault((userId, projectId)) is { HasExited: false } server ? server : null;
    }

    /// <summary>The caller's running servers.</summary>
    public IReadOnlyList<NotebookServer> Of(string userId)
    {
        lock (running) return [.. running.Values.Where(s => s.UserId == userId && !s.HasExited)];
    }

    public IReadOnlyList<NotebookServer> All()
    {
        lock (running) return [.. running.Values];
    }

    /// <summary>Why the user may not work in the project's notebooks (account gone or locked, not a member, retention over), or null.</summary>
    public static async Task<string?> RefusalAsync(WorkbenchDbContext db, string projectId, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.LockoutEnd }).SingleOrDefaultAsync(ct);
        if (account is null) return "your account is gone";
        if (account.LockoutEnd is { } end && end > now) return "your account is locked";
        var version = await db.CurrentVersionsOf(db.Projects.Where(p => p.Id == projectId)).SingleOrDefaultAsync(ct);
        return version is null || !version.Definition.Members.Any(m => m.UserId == userId)
            ? "you are not a member of this project"
            : ProjectRules.DataAccessRefusal(version.Definition, userId, DateOnly.FromDateTime(now.UtcDateTime));
    }

    /// <summary>Refuses (audited) a caller who may not have a notebook server for the project; asked before anything else.</summary>
    /// <exception cref="AccessDeniedException">Not a data scientist of the project within retention.</exception>
    public async Task CheckMayStartAsync(string projectId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var userId = caller.UserId();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        if (await RefusalAsync(db, projectId, userId, time.GetUtcNow(), ct) is { } refusal)
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesAsync(
                [AuditEvent.Create(userId, AuditActions.NotebookAccessDenied, $"project:{projectId}", new { reason = refusal })], ct);
            throw new AccessDeniedException(refusal);
        }
    }

    /// <summary>Starts (or returns) the caller's notebook server for the project.</summary>
    /// <exception cref="AccessDeniedException">Not a data scientist of the project within retention.</exception>
    /// <exception cref="ConflictException">A limit is reached.</exception>
    public async Task<NotebookServer> StartAsync(string projectId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var userId = caller.UserId();
        await using var scope = scopes.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await CheckMayStartAsync(projectId, caller, ct);
        await changing.WaitAsync(ct);
        try
        {
            if (Find(userId, projectId) is { } existing) return existing;
            ForgetExited();
            var mine = Of(userId).Count;
            var total = All().Count;
            if (mine >= Options.MaxPerUser || total >= Options.MaxTotal)
            {
                var reason = mine >= Options.MaxPerUser
                    ? $"you already have {mine} notebook servers running (at most {Options.MaxPerUser}): stop one first"
                    : $"the workbench runs {total} notebook servers, its limit: try again later or ask an administrator";
                await audit.SaveChangesAsync([AuditEvent.Create(userId, AuditActions.NotebookAccessDenied, $"project:{projectId}", new { reason })], ct);
                throw new ConflictException(reason);
            }

            var user = await scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>().FindByIdAsync(userId)
                ?? throw new AccessDeniedException("your account is gone");
            var principal = await scope.ServiceProvider.GetRequiredService<TokenPrincipals>().CreateKernelAsync(user, projectId, ct);
            var area = NotebookWorkArea.Prepare(Directory, projectId, userId, ExamplesDirectory(Options));
            var sandbox = Sandbox(area);
            var front = KernelFront();
            area.WriteKernelSpec(DotnetHost(), $"{NotebookSandbox.FrontMount}/{Path.GetFileName(front)}", NotebookSandbox.Inside, ServerUrl(), projectId, Options.KernelArguments);
            var secret = credentials.Issue(principal);
            NotebookServer server;
            try
            {
                area.WriteToken(secret, sandbox.Uid);
                server = await NotebookServer.StartAsync(Options, sandbox, userId, projectId, secret, time.GetUtcNow(), ct);
            }
            catch
            {
                credentials.Revoke(secret);
                area.DeleteToken();
                throw;
            }
            lock (running) running[(userId, projectId)] = server;
            await audit.SaveChangesAsync([AuditEvent.Create(userId, AuditActions.NotebookStarted, $"project:{projectId}",
                new { port = server.Port })], ct);
            return server;
        }
        finally
        {
            changing.Release();
        }
    }

    /// <summary>Stops the user's server for the project (no-op when there is none); its kernel credential is revoked.</summary>
    public async Task StopAsync(string userId, string projectId, string reason, CancellationToken ct)
    {
        NotebookServer? server;
        lock (running)
        {
            if (!running.Remove((userId, projectId), out server)) return;
        }
        credentials.Revoke(server.KernelSecret);
        NotebookWorkArea.At(Directory, projectId, userId).DeleteToken();
        await Task.Run(server.Dispose, ct);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveChangesAsync([AuditEvent.Create(userId, AuditActions.NotebookStopped,
            $"project:{projectId}", new { reason, ranSeconds = (long)(time.GetUtcNow() - server.StartedAt).TotalSeconds })], ct);
    }

    /// <summary>The project's notebook work areas (every user's notebooks and work directory), if there are any.</summary>
    public string? ProjectArea(string projectId) => Path.Combine(Directory, projectId) is var path && System.IO.Directory.Exists(path) ? path : null;

    /// <summary>At the retention end: stops the project's servers and deletes its notebook work areas.</summary>
    public async Task DeleteProjectAreaAsync(string projectId, CancellationToken ct)
    {
        foreach (var server in All().Where(s => s.ProjectId == projectId)) await StopAsync(server.UserId, projectId, "the project's retention ended", ct);
        if (ProjectArea(projectId) is { } path) System.IO.Directory.Delete(path, recursive: true);
    }

    /// <summary>Stops servers idle for longer than the timeout, whose process ended, or whose user lost access.</summary>
    /// <remarks>One sweep at a time: a sweep asked for while another runs waits for it and then looks again.</remarks>
    public async Task SweepAsync(CancellationToken ct)
    {
        await sweeping.WaitAsync(ct);
        try
        {
            await SweepOnceAsync(ct);
        }
        finally
        {
            sweeping.Release();
        }
    }

    private async Task SweepOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbenchDbContext>();
        foreach (var server in All())
        {
            var reason = server.HasExited ? "the notebook server ended"
                : time.GetUtcNow() - server.LastActivity > Options.IdleTimeout ? $"idle for more than {Options.IdleTimeout.TotalMinutes:0} minutes"
                : await RefusalAsync(db, server.ProjectId, server.UserId, time.GetUtcNow(), ct) is { } refusal ? $"access ended: {refusal}"
                : null;
            if (reason is not null)
            {
                LogStopping(logger, server.UserId, server.ProjectId, reason);
                await StopAsync(server.UserId, server.ProjectId, reason, ct);
            }
        }
    }

    private void ForgetExited()
    {
        lock (running)
        {
            foreach (var key in running.Where(r => r.Value.HasExited).Select(r => r.Key).ToList())
            {
                credentials.Revoke(running[key].KernelSecret);
                running.Remove(key);
            }
        }
    }

    private Uri ServerUrl() => Options.ServerUrl ?? new Uri(
        host.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => a.Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
            .FirstOrDefault(a => a.Contains("127.0.0.1", StringComparison.Ordinal) || a.Contains("[::1]", StringComparison.Ordinal))
        ?? throw new UnavailableException("the workbench does not listen on loopback, so kernels cannot reach it: set Notebooks:ServerUrl"));

    /// <summary>
    /// The area's sandbox: as root, the area's own uid (its writable directories given to it); otherwise the service
    /// account, mapped to nobody inside.
    /// </summary>
    private NotebookSandbox Sandbox(NotebookWorkArea area)
    {
        int? uid = null;
        var @new = false;
        if (NotebookSandbox.EffectiveUid() == 0)
        {
            (var assigned, @new) = NotebookWorkArea.AssignUid(Directory, area, Options.FirstUid, Options.UidCount);
            uid = assigned;
        }
        area.Own(uid, @new);
        var python = Path.Combine(AppContext.BaseDirectory, "notebook-python");
        if (!File.Exists(Path.Combine(python, "workbench_notebook.py")))
            throw new UnavailableException($"the notebook servers' Python module is missing ({python}/workbench_notebook.py)");
        var dotnet = DotnetHost();
        var dotnetRoot = Path.GetDirectoryName(new FileInfo(dotnet).ResolveLinkTarget(true)?.FullName ?? Path.GetFullPath(dotnet))!;
        return new NotebookSandbox(area, uid, Path.GetDirectoryName(KernelFront())!, python, dotnetRoot);
    }

    private string KernelFront() => Options.KernelFront ?? Built("KernelFrontPath")
        ?? throw new UnavailableException("the kernel is not built with this server: set Notebooks:KernelFront");

    /// <summary>The example notebooks (and their <c>projects.json</c>): configured, else the repository's, built with the server.</summary>
    internal static string? ExamplesDirectory(NotebookOptions options) => options.Examples ?? Built("NotebooksPath");

    private static string? Built(string key) =>
        typeof(NotebookServers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static string DotnetHost()
    {
        var host = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        return File.Exists(host) ? host : throw new UnavailableException($"the dotnet host is not at {host}: the kernels cannot start");
    }

    public void Dispose()
    {
        foreach (var server in All()) server.Dispose();
        changing.Dispose();
        sweeping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the notebook server of {User} for {Project}: {Reason}")]
    private static partial void LogStopping(ILogger logger, string user, string project, string reason);
}
