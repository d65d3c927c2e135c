using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Workbench.Microdata.Pseudonymisation;

/// <summary>
/// Master pseudonyms: the first 8 bytes (big-endian) of HMAC-SHA256(master key, kind tag || canonical identifier).
/// Caches each distinct identifier, and fails on a collision between two distinct identifiers. Not thread-safe: one
/// instance per ingest.
/// </summary>
public sealed class Pseudonymiser
{
    private readonly PseudonymKey _key;
    private readonly Func<PseudonymKey, KeyKind, ulong, long> _compute;
    private readonly Dictionary<ulong, long>[] _byIdentifier = NewMaps<ulong, long>();
    private readonly Dictionary<long, ulong>[] _byPseudonym = NewMaps<long, ulong>();

    /// <summary>Creates a pseudonymiser under the master key.</summary>
    public Pseudonymiser(PseudonymKey key)
        : this(key, static (k, kind, identifier) => Compute(k.Secret, kind, identifier))
    {
    }

    /// <summary>With another pseudonym function, so tests can force a collision that HMAC would never produce.</summary>
    internal Pseudonymiser(PseudonymKey key, Func<PseudonymKey, KeyKind, ulong, long> compute)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _compute = compute;
    }

    /// <summary>The master pseudonym of a textual identifier.</summary>
    /// <exception cref="ArgumentException">When the identifier is not valid for its kind.</exception>
    public long Pseudonymise(KeyKind kind, ReadOnlySpan<char> identifier)
    {
        if (IdentifierFormat.TryParse(kind, identifier, out var value) is { } problem)
        {
            throw new ArgumentException($"invalid {kind.ToString().ToLowerInvariant()} identifier: {problem}", nameof(identifier));
        }
        return Pseudonymise(kind, value);
    }

    /// <summary>The master pseudonym of an identifier already validated by <see cref="IdentifierFormat.TryParse"/>.</summary>
    /// <exception cref="PseudonymCollisionException">When another identifier seen earlier has the same pseudonym.</exception>
    public long Pseudonymise(KeyKind kind, ulong identifier)
    {
        var cache = _byIdentifier[(int)kind];
        if (cache.TryGetValue(identifier, out var cached)) return cached;
        var pseudonym = _compute(_key, kind, identifier);
        if (!_byPseudonym[(int)kind].TryAdd(pseudonym, identifier))
        {
            throw new PseudonymCollisionException(kind, pseudonym, "master");
        }
        cache.Add(identifier, pseudonym);
        return pseudonym;
    }

    /// <summary>Computes a master pseudonym without caching; allocation-free.</summary>
    internal static long Compute(ReadOnlySpan<byte> key, KeyKind kind, ulong identifier)
    {
        Span<byte> message = stackalloc byte[DomainTags.MaxLength + 20];
        var tag = DomainTags.Of(kind);
        tag.CopyTo(message);
        var length = tag.Length + IdentifierFormat.WriteCanonical(kind, identifier, message[tag.Length..]);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message[..length], mac);
        return BinaryPrimitives.ReadInt64BigEndian(mac);
    }

    private static Dictionary<TKey, TValue>[] NewMaps<TKey, TValue>() where TKey : notnull =>
        [.. Enum.GetValues<KeyKind>().Select(_ => new Dictionary<TKey, TValue>())];
}
