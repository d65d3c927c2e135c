using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Workbench.Microdata.ProjectViews;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Store;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Projects;

namespace Workbench.Server.Data;

/// <summary>
/// Keeps one project view file per project under <c>views/</c> in the data directory, built with
/// <see cref="ProjectViewBuilder"/> from the analytical store. A view is rebuilt when it is missing, when the
/// project's allowlist changed (a new version), or when the store changed (its ingest log differs); what a view was
/// built from is kept beside it as a fingerprint. Builds are serialised; readers that already opened the old file keep
/// reading it (the new file is moved into place).
/// </summary>
public sealed class ProjectViewFiles(IOptions<AnalyticalDataOptions> options, IOptions<DatabaseOptions> database, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);

    /// <summary>The path of an up-to-date view of <paramref name="version"/>'s allowlist, building it if needed.</summary>
    /// <exception cref="UnavailableException">When the store or key is missing, the key does not fit the store, or an allowlisted dataset is not in the store.</exception>
    public async Task<string> EnsureAsync(ProjectVersion version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(version);
        var storePath = options.Value.ResolvedStore(database.Value);
        if (!File.Exists(storePath))
        {
            throw new UnavailableException("there is no analytical store yet: run 'workbench up' or 'workbench data ingest'");
        }
        var allowlist = version.Definition.Datasets.OrderBy(d => d.Dataset, StringComparer.Ordinal)
            .ToDictionary(d => d.Dataset, d => (IReadOnlyList<string>)[.. d.Columns.Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        var viewPath = ViewPath(version.ProjectId);
        var directory = Path.GetDirectoryName(viewPath)!;
        var fingerprintPath = viewPath + ".source";

        await _building.WaitAsync(ct);
        try
        {
            var fingerprint = Fingerprint(storePath, version.ProjectId, allowlist);
            if (File.Exists(viewPath) && File.Exists(fingerprintPath) && await File.ReadAllTextAsync(fingerprintPath, ct) == fingerprint)
            {
                return viewPath;
            }
            Directory.CreateDirectory(directory);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            using var key = LoadKey();
            File.Delete(fingerprintPath);
            try
            {
                await Task.Run(() => new ProjectViewBuilder(time).Build(storePath, viewPath, version.ProjectId, allowlist, key, ct), ct);
            }
            catch (ProjectViewException e)
            {
                throw new UnavailableException($"the view of project {version.ProjectId} cannot be built: {e.Message}");
            }
            catch (StoreKeyMismatchException)
            {
                throw new UnavailableException("the configured pseudonymisation key is not the key the analytical store was made with");
            }
            await File.WriteAllTextAsync(fingerprintPath, fingerprint, ct);
            return viewPath;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>A tag of the view at <paramref name="viewPath"/> (the fingerprint it was built from): an ETag for its kernel.</summary>
    public async Task<string> TagAsync(string viewPath, CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            return (await File.ReadAllTextAsync(viewPath + ".source", ct))[..32].ToLowerInvariant();
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>
    /// Deletes the project's work area (its view file and what it was built from), serialised with builds so that no
    /// build is half-way. Returns the files deleted; none when the project has no work area.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(string projectId, CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            var files = WorkAreaFiles(projectId);
            foreach (var file in files) File.Delete(file);
            return files;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The files of the project's work area that exist now.</summary>
    public IReadOnlyList<string> WorkAreaFiles(string projectId)
    {
        var viewPath = ViewPath(projectId);
        return [.. new[] { viewPath, viewPath + ".source", viewPath + ".building" }.Where(File.Exists)];
    }

    private string ViewPath(string projectId) => Path.Combine(database.Value.ResolvedDataDirectory, "views", $"{projectId}.duckdb");

    public void Dispose() => _building.Dispose();

    private PseudonymKey LoadKey()
    {
        var keyFile = options.Value.ResolvedPseudonymKeyFile(database.Value);
        try
        {
            return PseudonymKey.Resolve(options.Value.PseudonymKeyFile is { Length: > 0 } ? keyFile : null, keyFile);
        }
        catch (PseudonymKeyException e)
        {
            throw new UnavailableException($"the pseudonymisation key cannot be used: {e.Message}");
        }
    }

    // What a view is made of: the store file, its ingest log (one row per dataset, replaced on every re-ingest) and the
    // project's allowlist. Any change gives another fingerprint.
    private static string Fingerprint(string storePath, string projectId, IReadOnlyDictionary<string, IReadOnlyList<string>> allowlist)
    {
        var text = new StringBuilder();
        text.Append(storePath).Append('\n').Append(projectId).Append('\n').Append(JsonSerializer.Serialize(allowlist)).Append('\n');
        using (var store = AnalyticalStore.OpenReadOnly(storePath))
        {
            Microsoft.Data.Analysis.DataFrame log;
            try
            {
                log = store.Query("SELECT dataset, sha256, CAST(ingested_at AS VARCHAR) AS at, key_fingerprint FROM _ingest_log ORDER BY dataset");
            }
            catch (DuckDB.NET.Data.DuckDBException)
            {
                throw new UnavailableException($"'{storePath}' is not an analytical store: it has no ingest log");
            }
            for (long row = 0; row < log.Rows.Count; row++)
            {
                for (var column = 0; column < log.Columns.Count; column++)
                {
                    text.Append(Convert.ToString(log.Columns[column][row], CultureInfo.InvariantCulture)).Append('\t');
                }
                text.Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
