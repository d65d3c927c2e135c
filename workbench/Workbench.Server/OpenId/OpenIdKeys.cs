using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Workbench.Server.OpenId;

/// <summary>
/// The provider's RSA signing and encryption keys, generated once and kept as PKCS#8 PEM files that only the server's
/// account may read (mode 600, folder 700). A key file readable by anyone else is refused, not used.
/// </summary>
internal static class OpenIdKeys
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static RsaSecurityKey LoadOrCreate(string directory, string name)
    {
        var path = Path.Combine(directory, $"{name}.pem");
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
        else
        {
            Directory.CreateDirectory(directory);
        }
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
            {
                throw new InvalidOperationException($"the OpenID key '{path}' may be read by others: make it owner-only (chmod 600)");
            }
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 3072;
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
            using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            file.Write(rsa.ExportPkcs8PrivateKeyPem());
        }
        // The key id is the public key's hash: stable across restarts, different for every key.
        var keyId = Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
