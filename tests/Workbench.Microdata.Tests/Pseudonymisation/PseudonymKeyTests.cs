using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Pseudonymisation;

public sealed class PseudonymKeyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<byte[], KeyProblem> UnfitKeys => new()
    {
        { new byte[16], KeyProblem.TooShort },
        { Enumerable.Repeat((byte)0x42, 32).ToArray(), KeyProblem.Weak },
        { Enumerable.Range(0, 32).Select(i => (byte)(i % 4)).ToArray(), KeyProblem.Weak },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), KeyProblem.Weak },
    };

    [Theory]
    [MemberData(nameof(UnfitKeys))]
    public void FromBase64_UnfitKey_RefusedWithSpecificProblem(byte[] bytes, KeyProblem expected)
    {
        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromBase64(Convert.ToBase64String(bytes), "test"));

        Assert.Equal(expected, error.Problem);
        Assert.Equal("test", error.Source);
    }

    [Fact]
    public void FromBase64_NotBase64_RefusedAsMalformed()
    {
        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromBase64("not*base64!", "test"));

        Assert.Equal(KeyProblem.Malformed, error.Problem);
    }

    [Fact]
    public void FromFile_MissingFile_RefusedAsMissing()
    {
        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromFile(_temp.File("absent.key")));

        Assert.Equal(KeyProblem.Missing, error.Problem);
        Assert.Contains("absent.key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoFileAndNoEnvironmentVariable_RefusedAsMissingNamingTheDefault()
    {
        if (Environment.GetEnvironmentVariable(PseudonymKey.EnvironmentVariable) is not null) return;
        var absent = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.key");

        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.Resolve(null, absent));

        Assert.Equal(KeyProblem.Missing, error.Problem);
        Assert.Contains(PseudonymKey.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(absent, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ExplicitAndDefaultFile_TheExplicitOneWins()
    {
        var dir = Directory.CreateTempSubdirectory("workbench-key-").FullName;
        try
        {
            using var explicitKey = PseudonymKey.CreateFile(Path.Combine(dir, "explicit.key"));
            using var defaultKey = PseudonymKey.CreateFile(Path.Combine(dir, "default.key"));

            using var resolved = PseudonymKey.Resolve(Path.Combine(dir, "explicit.key"), Path.Combine(dir, "default.key"));

            Assert.Equal(explicitKey.Fingerprint, resolved.Fingerprint);
            Assert.NotEqual(defaultKey.Fingerprint, resolved.Fingerprint);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Resolve_OnlyTheDefaultFile_UsesIt()
    {
        if (Environment.GetEnvironmentVariable(PseudonymKey.EnvironmentVariable) is not null) return;
        var dir = Directory.CreateTempSubdirectory("workbench-key-").FullName;
        try
        {
            using var defaultKey = PseudonymKey.CreateFile(Path.Combine(dir, "default.key"));

            using var resolved = PseudonymKey.Resolve(null, Path.Combine(dir, "default.key"));

            Assert.Equal(defaultKey.Fingerprint, resolved.Fingerprint);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FromFile_ReadableByOthers_RefusedAsInsecure()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = _temp.File("open.key");
        using (PseudonymKey.CreateFile(path)) { }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromFile(path));

        Assert.Equal(KeyProblem.InsecureFile, error.Problem);
        Assert.Contains("0604", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_GroupReadable_RefusedAsInsecure()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = _temp.File("group.key");
        using (PseudonymKey.CreateFile(path)) { }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        Assert.Equal(KeyProblem.InsecureFile, Assert.Throws<PseudonymKeyException>(() => PseudonymKey.FromFile(path)).Problem);
    }

    [Fact]
    public void CreateFile_NewPath_OwnerOnlyAndLoadsToSameKey()
    {
        var path = _temp.File("new.key");

        using var created = PseudonymKey.CreateFile(path);
        using var loaded = PseudonymKey.FromFile(path);

        Assert.Equal(created.Fingerprint, loaded.Fingerprint);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void CreateFile_ExistingFile_RefusedAndLeftUntouched()
    {
        var path = _temp.File("existing.key");
        File.WriteAllText(path, "precious");

        var error = Assert.Throws<PseudonymKeyException>(() => PseudonymKey.CreateFile(path));

        Assert.Equal(KeyProblem.AlreadyExists, error.Problem);
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public void Fingerprint_TwoKeys_StablePerKeyAndDifferentAcrossKeys()
    {
        using var first = TestKeys.Random();
        using var second = TestKeys.Random();

        Assert.Equal(64, first.Fingerprint.Length);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }
}
