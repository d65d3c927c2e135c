using System.Security.Cryptography;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Store;

namespace Workbench.Microdata.Ingest;

/// <summary>
/// The only way raw data enters the analytical store: reads a delivery directory dataset by dataset (in
/// <see cref="Datasets.All"/> order), applies the schema's column rules, quarantines rejected records and writes
/// pseudonymised tables. Idempotent: a dataset whose file, key and dependencies are unchanged is skipped.
/// </summary>
public sealed class Ingestor(TimeProvider timeProvider)
{
    /// <summary>Ingests a delivery directory into the store at <paramref name="storePath"/> (created if absent).</summary>
    /// <exception cref="DeliveryException">When a file is missing, has the wrong header or fails its manifest hash.</exception>
    /// <exception cref="StoreKeyMismatchException">When the store holds pseudonyms made with another key.</exception>
    /// <exception cref="PseudonymCollisionException">When two distinct identifiers get the same pseudonym.</exception>
    public IngestReport Ingest(
        string deliveryDirectory, string storePath, PseudonymKey key, IngestOptions? options = null,
        IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryDirectory);
        ArgumentNullException.ThrowIfNull(storePath);
        ArgumentNullException.ThrowIfNull(key);
        options ??= new IngestOptions();
        var started = timeProvider.GetTimestamp();
        if (!Directory.Exists(deliveryDirectory))
        {
            throw new DeliveryException(DeliveryProblem.MissingDirectory, null, deliveryDirectory, "delivery directory does not exist");
        }
        var quarantineDirectory = options.QuarantineDirectory ?? Path.Combine(deliveryDirectory, "quarantine");
        var manifest = DeliveryManifest.TryRead(deliveryDirectory);

        using var connection = StoreConnection.Open(storePath, readOnly: false);
        var log = IngestLog.Read(connection);
        IngestLog.CheckKey(storePath, log, key.Fingerprint);
        IngestLog.EnsureCreated(connection);

        var references = new ReferenceData(connection);
        var pseudonymiser = new Pseudonymiser(key);
        var reingested = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<DatasetIngestResult>();
        foreach (var dataset in Datasets.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(deliveryDirectory, dataset.RawFile);
            if (!File.Exists(path))
            {
                throw new DeliveryException(DeliveryProblem.MissingFile, dataset.Name, path,
                    $"delivery has no file for dataset '{dataset.Name}'");
            }
            var sha256 = Sha256Of(path);
            var version = CheckManifest(manifest, dataset, path, sha256);
            var changedDependency = DatasetKeys.Dependencies(dataset).FirstOrDefault(reingested.Contains);
            log.TryGetValue(dataset.Name, out var previous);
            if (previous is not null && previous.Sha256 == sha256 && previous.ManifestVersion == version && changedDependency is null)
            {
                results.Add(new DatasetIngestResult(dataset.Name, dataset.RawFile, DatasetIngestStatus.Unchanged, sha256, version,
                    previous.RowsRead, previous.RowsAccepted, previous.RowsQuarantined, new Dictionary<string, long>(), null,
                    TimeSpan.Zero, "unchanged"));
                continue;
            }
            var datasetStarted = timeProvider.GetTimestamp();
            var entry = new IngestLogEntry(dataset.Name, dataset.RawFile, sha256, version, 0, 0, 0, timeProvider.GetUtcNow(), key.Fingerprint);
            var (read, accepted, quarantine) = new DatasetIngest(dataset, connection, pseudonymiser, references, options, progress, cancellationToken)
                .Run(path, quarantineDirectory, entry);
            reingested.Add(dataset.Name);
            var note = previous is null ? null
                : previous.Sha256 != sha256 || previous.ManifestVersion != version ? "file changed"
                : $"re-ingested because '{changedDependency}' was re-ingested";
            results.Add(new DatasetIngestResult(dataset.Name, dataset.RawFile,
                previous is null ? DatasetIngestStatus.Ingested : DatasetIngestStatus.Replaced, sha256, version, read, accepted,
                quarantine.Count, quarantine.Reasons, quarantine.Count > 0 ? quarantine.Path : null,
                timeProvider.GetElapsedTime(datasetStarted), note));
        }
        return new IngestReport(storePath, key.Fingerprint, results, timeProvider.GetElapsedTime(started));
    }

    private static string? CheckManifest(DeliveryManifest? manifest, DatasetDefinition dataset, string path, string sha256)
    {
        if (manifest is null) return null;
        var entry = manifest.Deliveries.FirstOrDefault(d => d.Dataset == dataset.Name);
        if (entry is null || entry.File.Replace('\\', '/') != dataset.RawFile)
        {
            throw new DeliveryException(DeliveryProblem.ManifestIncomplete, dataset.Name, path,
                entry is null ? $"{DeliveryManifest.FileName} has no entry for dataset '{dataset.Name}'"
                    : $"{DeliveryManifest.FileName} names file '{entry.File}' for dataset '{dataset.Name}', expected '{dataset.RawFile}'");
        }
        if (!string.Equals(entry.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new DeliveryException(DeliveryProblem.ManifestHashMismatch, dataset.Name, path,
                $"SHA-256 is {sha256} but {DeliveryManifest.FileName} says {entry.Sha256}");
        }
        return entry.Version;
    }

    private static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
