namespace Workbench.Server.Outputs;

/// <summary>
/// An output in a release, written once by the system and never changed: the reviewed bytes, the public table derived
/// from the check (published values, suppressed cells marked, no reasons or raw values) and the signed receipt. The
/// key is the output id, so an output can be released only once.
/// </summary>
public sealed class ReleasedOutput
{
    public required string OutputId { get; init; }

    public required string ReleaseVersion { get; init; }

    public required string ProjectId { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The reviewed canonical content, byte for byte.</summary>
    public required string Content { get; init; }

    public required string ContentHash { get; init; }

    /// <summary>What the public sees: <see cref="PublicTable"/> as JSON.</summary>
    public required string PublicTable { get; init; }

    public required string RulesVersion { get; init; }

    public required string FirstApprover { get; init; }

    public required string SecondApprover { get; init; }

    public required long ReleasedAtMs { get; init; }

    /// <summary>Hex HMAC-SHA256 of the release receipt.</summary>
    public required string Signature { get; init; }
}
