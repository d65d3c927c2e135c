using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Workbench.Kernel.Worker.Lockdown;

/// <summary>
/// The script compiler's resolvers for <c>#r</c> and <c>#load</c>, which the submission policy already refuses: these
/// resolve nothing (not even a missing dependency of a shipped library from the runtime's list), so a submission
/// compiles against the shipped references only, whatever gets past the policy.
/// </summary>
internal sealed class NoReferences : MetadataReferenceResolver
{
    public static readonly NoReferences Instance = new();

    public override bool ResolveMissingAssemblies => false;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) => [];

    public override bool Equals(object? other) => other is NoReferences;

    public override int GetHashCode() => nameof(NoReferences).GetHashCode(StringComparison.Ordinal);
}

/// <inheritdoc cref="NoReferences"/>
internal sealed class NoSourceFiles : SourceReferenceResolver
{
    public static readonly NoSourceFiles Instance = new();

    public override string? NormalizePath(string path, string? baseFilePath) => null;

    public override string? ResolveReference(string path, string? baseFilePath) => null;

    public override Stream OpenRead(string resolvedPath) => throw new FileNotFoundException("#load is not available in the Workbench kernel.", resolvedPath);

    public override bool Equals(object? other) => other is NoSourceFiles;

    public override int GetHashCode() => nameof(NoSourceFiles).GetHashCode(StringComparison.Ordinal);
}
