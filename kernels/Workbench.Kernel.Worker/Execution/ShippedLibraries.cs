namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// The analysis libraries a cell can use: referenced by the session from the worker's own (read-only) directory, with
/// the namespaces a notebook needs imported. Nothing else can be added (no <c>#r</c>, no packages).
/// </summary>
internal static class ShippedLibraries
{
    /// <summary>File-name patterns of the referenced assemblies, in the worker's directory: the Workbench API (with the
    /// output-control types its previews show), the network library, Microsoft.Data.Analysis, every ML.NET assembly (MLContext's types are spread over them), QuikGraph, ScottPlot for charts.</summary>
    private static readonly string[] Patterns =
    [
        "Workbench.Kernel.Api.dll", "OutputControl.dll", "Workbench.Networks.dll", "Microsoft.Data.Analysis.dll", "Microsoft.ML*.dll", "QuikGraph*.dll",
        "ScottPlot.dll", "SkiaSharp.dll",
    ];

    /// <summary>Imported into every session, so that a notebook starts with the Workbench API and DataFrame at hand.</summary>
    public static readonly string[] Namespaces = ["Workbench.Api", "Microsoft.Data.Analysis"];

    public static IReadOnlyList<string> Paths(string directory) =>
        [.. Patterns.SelectMany(pattern => Directory.EnumerateFiles(directory, pattern)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
