using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Wire;

public sealed class ConnectionInfoTests
{
    private static ConnectionInfo Valid() => new("tcp", "127.0.0.1", 5001, 5002, 5003, 5004, 5005, "secret", "hmac-sha256");

    [Fact]
    public void Validate_LoopbackTcpWithKey_IsAccepted()
    {
        Valid().Validate();
        (Valid() with { Ip = "::1" }).Validate();
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("localhost")]
    public void Validate_NotALoopbackAddress_IsRefused(string ip)
    {
        var error = Assert.Throws<InvalidDataException>(() => (Valid() with { Ip = ip }).Validate());
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyKey_IsRefused() =>
        Assert.Contains("empty key", Assert.Throws<InvalidDataException>(() => (Valid() with { Key = "" }).Validate()).Message, StringComparison.Ordinal);

    [Fact]
    public void Validate_IpcTransport_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => (Valid() with { Transport = "ipc" }).Validate());

    [Fact]
    public void Validate_OtherSignatureScheme_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => (Valid() with { SignatureScheme = "hmac-md5" }).Validate());
}
