using System.Security.Cryptography;
using System.Text;

namespace Workbench.Microdata.Pseudonymisation;

/// <summary>
/// The master pseudonymisation secret. It lives outside the store: in the <see cref="EnvironmentVariable"/> or in an
/// owner-only key file, both holding base64 text. Every loader refuses keys that are missing, short or obviously weak.
/// </summary>
public sealed class PseudonymKey : IDisposable
{
    /// <summary>The environment variable that may hold the base64 key.</summary>
    public const string EnvironmentVariable = "WORKBENCH_PSEUDONYM_KEY";

    /// <summary>The smallest accepted key, in bytes.</summary>
    public const int MinimumLength = 32;

    // A random 32-byte key has about 30 distinct byte values; fewer than 16 is vanishingly unlikely unless the key was
    // typed or derived from a pattern.
    private const int MinimumDistinctBytes = 16;

    private static readonly byte[] FingerprintLabel = Encoding.ASCII.GetBytes("workbench/key-fingerprint/v1");

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly byte[] _secret;

    private PseudonymKey(byte[] secret)
    {
        _secret = secret;
        Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(secret, FingerprintLabel));
    }

    /// <summary>
    /// Lower-case hex HMAC of a fixed label under the key. The store records it so that pseudonyms from two keys are
    /// never mixed; it reveals nothing about the key.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The secret bytes, for the pseudonymisers in this assembly only.</summary>
    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>
    /// The one rule every tool uses to find the key: an explicitly named key file first, then
    /// <see cref="EnvironmentVariable"/>, then the installation's default key file. The CLI and the server must agree,
    /// or a store made by one is refused by the other.
    /// </summary>
    /// <exception cref="PseudonymKeyException">When none of them holds a key, or the key found is unfit.</exception>
    public static PseudonymKey Resolve(string? explicitFile, string? defaultFile)
    {
        if (explicitFile is not null) return FromFile(explicitFile);
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable))) return FromEnvironment();
        if (defaultFile is not null && File.Exists(defaultFile)) return FromFile(defaultFile);
        throw new PseudonymKeyException(KeyProblem.Missing, defaultFile ?? EnvironmentVariable,
            $"no key: pass a key file, set {EnvironmentVariable} (base64)" + (defaultFile is null ? "" : $" or create {defaultFile}"));
    }

    /// <summary>Loads the key from <see cref="EnvironmentVariable"/>.</summary>
    /// <exception cref="PseudonymKeyException">When the variable is not set or the key is unfit.</exception>
    public static PseudonymKey FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PseudonymKeyException(KeyProblem.Missing, EnvironmentVariable,
                $"no key: set {EnvironmentVariable} (base64) or pass a key file");
        }
        return FromBase64(value, EnvironmentVariable);
    }

    /// <summary>Loads the key from a file holding base64 text, readable by its owner only.</summary>
    /// <exception cref="PseudonymKeyException">When the file is missing, too open, or holds an unfit key.</exception>
    public static PseudonymKey FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PseudonymKeyException(KeyProblem.Missing, path, "key file does not exist");
        }
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOthers) != 0)
            {
                throw new PseudonymKeyException(KeyProblem.InsecureFile, path,
                    $"key file is accessible by group or others (mode {Octal(mode)}); run chmod 600 on it");
            }
        }
        return FromBase64(File.ReadAllText(path), path);
    }

    /// <summary>Decodes and checks a base64 key; <paramref name="source"/> names where it came from in errors.</summary>
    /// <exception cref="PseudonymKeyException">When the text is not base64 or the key is short or weak.</exception>
    public static PseudonymKey FromBase64(string base64, string source)
    {
        ArgumentNullException.ThrowIfNull(base64);
        ArgumentNullException.ThrowIfNull(source);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new PseudonymKeyException(KeyProblem.Malformed, source, "key is not valid base64");
        }
        return FromBytes(bytes, source);
    }

    /// <summary>
    /// Writes a new random 32-byte key as base64 to <paramref name="path"/>, created owner-only (0600) from the start.
    /// Never overwrites an existing file.
    /// </summary>
    /// <exception cref="PseudonymKeyException">When the file already exists.</exception>
    public static PseudonymKey CreateFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var secret = RandomNumberGenerator.GetBytes(MinimumLength);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret) + "\n"));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new PseudonymKeyException(KeyProblem.AlreadyExists, path, "refusing to overwrite an existing key file");
        }
        return new PseudonymKey(secret);
    }

    /// <summary>Wraps raw key bytes after the same checks as the loaders.</summary>
    internal static PseudonymKey FromBytes(byte[] bytes, string source)
    {
        if (bytes.Length < MinimumLength)
        {
            throw new PseudonymKeyException(KeyProblem.TooShort, source,
                $"key has {bytes.Length} bytes, at least {MinimumLength} are required");
        }
        if (WeaknessOf(bytes) is { } weakness)
        {
            throw new PseudonymKeyException(KeyProblem.Weak, source, $"key is obviously not random ({weakness})");
        }
        return new PseudonymKey(bytes);
    }

    /// <summary>Erases the secret from memory.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_secret);

    private static string? WeaknessOf(byte[] bytes)
    {
        var distinct = new HashSet<byte>(bytes).Count;
        if (distinct == 1) return "all bytes are equal";
        if (distinct < MinimumDistinctBytes) return $"only {distinct} distinct byte values";
        var step = (byte)(bytes[1] - bytes[0]);
        var sequence = true;
        for (var i = 2; i < bytes.Length && sequence; i++) sequence = (byte)(bytes[i] - bytes[i - 1]) == step;
        return sequence ? "bytes form a simple sequence" : null;
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
