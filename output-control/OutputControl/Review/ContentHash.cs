using System.Security.Cryptography;

namespace OutputControl.Review;

/// <summary>The SHA-256 of an output's content, as 64 lower-case hex digits. Votes and releases are bound to it.</summary>
public readonly record struct ContentHash
{
    private readonly string? _hex;

    private ContentHash(string hex) => _hex = hex;

    /// <summary>The hash as 64 lower-case hex digits.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("an empty content hash");

    /// <summary>The SHA-256 of <paramref name="content"/>.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>Parses 64 hex digits (either case); refuses anything else with the reason.</summary>
    public static ContentHash FromHex(string? hex)
    {
        if (hex is null || hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            throw new FormatException($"a content hash is 64 hex digits (SHA-256), not '{hex}'");
        }
        return new ContentHash(hex.ToLowerInvariant());
    }

    /// <summary>Whether <paramref name="content"/> hashes to this value, compared in constant time.</summary>
    public bool Matches(ReadOnlySpan<byte> content) => Matches(Of(content));

    /// <summary>Whether both hashes are equal, compared in constant time.</summary>
    public bool Matches(ContentHash other) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Hex), Convert.FromHexString(other.Hex));

    /// <inheritdoc/>
    public override string ToString() => Hex;
}
