using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OutputControl.Review;

namespace OutputControl.Releases;

/// <summary>
/// A signed statement that output <see cref="OutputId"/> with content hash <see cref="ContentHash"/>, checked by
/// <see cref="RulesVersion"/>, was approved by <see cref="FirstApprover"/> and <see cref="SecondApprover"/> (distinct,
/// in ordinal order) and released in <see cref="ReleaseVersion"/> at <see cref="ReleasedAtMs"/>.
/// <see cref="Signature"/> is hex HMAC-SHA256 over a canonical, length-prefixed encoding of all other fields.
/// </summary>
public sealed record ReleaseReceipt(
    string OutputId, string ReleaseVersion, string ContentHash, string RulesVersion, string FirstApprover, string SecondApprover,
    long ReleasedAtMs, string Signature)
{
    private static readonly byte[] DomainTag = "workbench-release-receipt-v1"u8.ToArray();

    /// <summary>Signs a receipt for two distinct approvers (given in any order).</summary>
    public static ReleaseReceipt Sign(
        string outputId, string releaseVersion, ContentHash contentHash, string rulesVersion, string approverA, string approverB,
        DateTimeOffset releasedAt, ReceiptKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputId);
        ArgumentException.ThrowIfNullOrWhiteSpace(releaseVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(approverA);
        ArgumentException.ThrowIfNullOrWhiteSpace(approverB);
        if (string.Equals(approverA, approverB, StringComparison.Ordinal))
        {
            throw new ArgumentException("a release needs two distinct approvers", nameof(approverB));
        }
        var (first, second) = string.CompareOrdinal(approverA, approverB) < 0 ? (approverA, approverB) : (approverB, approverA);
        var unsigned = new ReleaseReceipt(outputId, releaseVersion, contentHash.Hex, rulesVersion, first, second,
            releasedAt.ToUnixTimeMilliseconds(), "");
        return unsigned with { Signature = Convert.ToHexStringLower(unsigned.Mac(key)) };
    }

    /// <summary>Whether the signature was made with <paramref name="key"/> over these fields, compared in constant time.</summary>
    public bool HasValidSignature(ReceiptKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(claimed, Mac(key));
    }

    private byte[] Mac(ReceiptKey key)
    {
        using var buffer = new MemoryStream();
        buffer.Write(DomainTag);
        Span<byte> length = stackalloc byte[4];
        foreach (var field in new[] { OutputId, ReleaseVersion, ContentHash, RulesVersion, FirstApprover, SecondApprover })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }
        Span<byte> at = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(at, ReleasedAtMs);
        buffer.Write(at);
        return HMACSHA256.HashData(key.Bytes, buffer.ToArray());
    }
}
