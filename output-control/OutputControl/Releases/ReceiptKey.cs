namespace OutputControl.Releases;

/// <summary>
/// The secret that signs release receipts (HMAC-SHA256). It comes from configuration (base64, at least 32 bytes),
/// never from code, so whoever can edit the database cannot forge a receipt without also holding the key.
/// </summary>
public sealed class ReceiptKey
{
    /// <summary>The fewest key bytes accepted: the output size of SHA-256.</summary>
    public const int MinimumBytes = 32;

    private readonly byte[] _bytes;

    private ReceiptKey(byte[] bytes) => _bytes = bytes;

    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The key encoded as base64; refuses a missing, malformed or short key with the reason.</summary>
    public static ReceiptKey FromBase64(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw new ArgumentException("the release receipt key is missing (Releases:ReceiptKey, base64)", nameof(base64));
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new ArgumentException("the release receipt key is not valid base64", nameof(base64), e);
        }
        if (bytes.Length < MinimumBytes)
        {
            throw new ArgumentException($"the release receipt key has {bytes.Length} bytes; at least {MinimumBytes} are required", nameof(base64));
        }
        return new ReceiptKey(bytes);
    }
}
