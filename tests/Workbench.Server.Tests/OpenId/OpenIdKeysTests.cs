using Workbench.Server.OpenId;

namespace Workbench.Server.Tests.OpenId;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OpenIdKeysTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("workbench-openid-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void LoadOrCreate_FirstRun_WritesOwnerOnlyKeyThatTheNextRunReadsBack()
    {
        var first = OpenIdKeys.LoadOrCreate(Path.Combine(_dir, "openid"), "signing");
        var second = OpenIdKeys.LoadOrCreate(Path.Combine(_dir, "openid"), "signing");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "openid", "signing.pem")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_dir, "openid")));
        Assert.Equal(first.KeyId, second.KeyId);
        Assert.NotEqual(first.KeyId, OpenIdKeys.LoadOrCreate(Path.Combine(_dir, "openid"), "encryption").KeyId);
    }

    [Fact]
    public void LoadOrCreate_KeyReadableByOthers_IsRefused()
    {
        OpenIdKeys.LoadOrCreate(_dir, "signing");
        File.SetUnixFileMode(Path.Combine(_dir, "signing.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var refused = Assert.Throws<InvalidOperationException>(() => OpenIdKeys.LoadOrCreate(_dir, "signing"));

        Assert.Contains("chmod 600", refused.Message, StringComparison.Ordinal);
    }
}
