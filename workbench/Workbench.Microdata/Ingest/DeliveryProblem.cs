namespace Workbench.Microdata.Ingest;

/// <summary>Why a delivery as a whole was refused (as opposed to single records, which go to quarantine).</summary>
public enum DeliveryProblem
{
    /// <summary>The delivery directory does not exist.</summary>
    MissingDirectory = 1,

    /// <summary>A dataset's raw file is not in the delivery.</summary>
    MissingFile = 2,

    /// <summary>A file's header differs from the schema's raw columns.</summary>
    HeaderMismatch = 3,

    /// <summary>A file's SHA-256 differs from the one in <c>manifest.json</c>.</summary>
    ManifestHashMismatch = 4,

    /// <summary><c>manifest.json</c> has no entry for a dataset, or names another file for it.</summary>
    ManifestIncomplete = 5,
}
