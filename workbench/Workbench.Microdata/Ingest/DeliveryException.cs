namespace Workbench.Microdata.Ingest;

/// <summary>A delivery that cannot be ingested at all. Nothing of the offending dataset reaches the store.</summary>
public sealed class DeliveryException : Exception
{
    /// <summary>Creates the exception with its reason, the dataset and the file it concerns.</summary>
    public DeliveryException(DeliveryProblem problem, string? dataset, string path, string message)
        : base($"{path}: {message}")
    {
        Problem = problem;
        Dataset = dataset;
        Path = path;
    }

    /// <summary>Why the delivery was refused.</summary>
    public DeliveryProblem Problem { get; }

    /// <summary>The dataset concerned, if any.</summary>
    public string? Dataset { get; }

    /// <summary>The file or directory concerned.</summary>
    public string Path { get; }
}
