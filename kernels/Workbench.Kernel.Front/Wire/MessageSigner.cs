using System.Security.Cryptography;

namespace Workbench.Kernel.Front.Wire;

/// <summary>
/// HMAC-SHA256 over header, parent header, metadata and content, as hex (jupyter_client's <c>Session.sign</c>).
/// Verification compares in constant time, so a forger learns nothing from how long a refusal took.
/// </summary>
internal sealed class MessageSigner
{
    private readonly byte[] key;

    public MessageSigner(byte[] key)
    {
        if (key.Length == 0) throw new ArgumentException("the connection file has no key: unsigned messages are never accepted", nameof(key));
        this.key = key;
    }

    public byte[] Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return hmac.GetHashAndReset();
    }

    public string SignHex(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(Sign(header, parentHeader, metadata, content));

    /// <summary>True when <paramref name="signatureHex"/> is the signature of the four frames.</summary>
    public bool Verify(ReadOnlySpan<byte> signatureHex, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        Span<byte> claimed = stackalloc byte[32];
        if (signatureHex.Length != 64 || Convert.FromHexString(System.Text.Encoding.ASCII.GetString(signatureHex), claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(claimed, Sign(header, parentHeader, metadata, content));
    }
}
