using Microsoft.CodeAnalysis;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// What a cell compiles against: the .NET libraries of the runtime the worker runs on, and the analysis libraries
/// from the worker's own (read-only) directory, with the namespaces a notebook needs imported. Nothing else can be
/// added (no <c>#r</c>, no packages).
/// </summary>
internal static class ShippedLibraries
{
    /// <summary>File-name patterns of the referenced assemblies, in the worker's directory: the Workbench API (with the
    /// output-control types its previews show), the network library, Microsoft.Data.Analysis, every ML.NET assembly
    /// (MLContext's types are spread over them), QuikGraph, ScottPlot for charts, and the formatters (a cell may register its own).</summary>
    private static readonly string[] Patterns =
    [
        "Workbench.Kernel.Api.dll", "OutputControl.dll", "Workbench.Networks.dll", "Microsoft.Data.Analysis.dll", "Microsoft.ML*.dll", "QuikGraph*.dll",
        "ScottPlot.dll", "SkiaSharp.dll", "Microsoft.AspNetCore.Html.Abstractions.dll", "Microsoft.DotNet.Interactive.Formatting.dll",
    ];

    /// <summary>
    /// Imported into every session: what .NET Interactive imports (without System.Net.Http: there is no network), the
    /// Workbench API (with <c>display</c>) and DataFrame.
    /// </summary>
    public static readonly string[] Imports =
    [
        "System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks",
        "Workbench.Api", "Microsoft.Data.Analysis", "static Workbench.Api.Notebook",
    ];

    public static IReadOnlyList<string> Paths(string directory) =>
        [.. Patterns.SelectMany(pattern => Directory.EnumerateFiles(directory, pattern)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The runtime's libraries (System.Private.CoreLib the script compiler adds itself) and the shipped ones, with the
    /// documentation of the runtime's reference pack where the SDK has it (for hover text).
    /// </summary>
    public static IReadOnlyList<MetadataReference> References(string directory)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var documentation = ReferenceDocumentation(runtime);
        var framework = Directory.EnumerateFiles(runtime, "*.dll")
            .Where(path => !Path.GetFileName(path).Equals("System.Private.CoreLib.dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => Reference(path, documentation));
        return [.. framework, .. Paths(directory).Select(path => Reference(path, null))];
    }

    /// <summary>
    /// System.Private.CoreLib, which a workspace (unlike the script compiler) needs to be given, with the documentation
    /// of System.Runtime, the reference assembly that declares its public types.
    /// </summary>
    public static MetadataReference CoreLibrary { get; } =
        Reference(typeof(object).Assembly.Location, ReferenceDocumentation(Path.GetDirectoryName(typeof(object).Assembly.Location)!), "System.Runtime.xml");

    private static PortableExecutableReference Reference(string path, string? documentation, string? documentationFile = null)
    {
        var xml = documentation is null ? null : Path.Combine(documentation, documentationFile ?? Path.ChangeExtension(Path.GetFileName(path), ".xml"));
        // Mapped, not read: MetadataReference.CreateFromFile copies the whole file into memory (some 70 MiB for the
        // runtime's libraries), while a mapped file costs only the metadata pages the compiler touches.
        return AssemblyMetadata.CreateFromFile(path).GetReference(
            documentation: xml is not null && File.Exists(xml) ? XmlDocumentationProvider.CreateFromFile(xml) : null, filePath: path);
    }

    /// <summary><c>dotnet/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0</c> beside <c>dotnet/shared/Microsoft.NETCore.App/10.0.x</c>.</summary>
    private static string? ReferenceDocumentation(string runtime)
    {
        var version = Path.GetFileName(runtime);
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var pack = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref", version, "ref", framework));
        return Directory.Exists(pack) ? pack : null;
    }
}
