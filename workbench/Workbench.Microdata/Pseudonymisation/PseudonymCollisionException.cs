namespace Workbench.Microdata.Pseudonymisation;

/// <summary>
/// Two distinct identifiers received the same pseudonym. Ingest stops rather than merge two people; the identifiers are
/// not in the message (it may end up in logs), only the kind and the pseudonym.
/// </summary>
public sealed class PseudonymCollisionException : Exception
{
    /// <summary>Creates the exception for a colliding pseudonym of a kind.</summary>
    public PseudonymCollisionException(KeyKind kind, long pseudonym, string scope)
        : base($"{scope} pseudonym collision: two distinct {kind.ToString().ToLowerInvariant()} identifiers map to {pseudonym}; refusing to merge them")
    {
        Kind = kind;
        Pseudonym = pseudonym;
    }

    /// <summary>The kind of unit.</summary>
    public KeyKind Kind { get; }

    /// <summary>The pseudonym both identifiers map to.</summary>
    public long Pseudonym { get; }
}
