using System.Security.Cryptography;
using System.Text;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Wire;

public sealed class MessageSignerTests
{
    private static readonly byte[] Key = "0123456789abcdef-secret"u8.ToArray();
    private static readonly byte[] Header = "{\"msg_id\":\"1\"}"u8.ToArray();
    private static readonly byte[] Parent = "{}"u8.ToArray();
    private static readonly byte[] Metadata = "{}"u8.ToArray();
    private static readonly byte[] Content = "{\"code\":\"1\"}"u8.ToArray();

    [Fact]
    public void SignHex_FourFrames_IsHmacSha256OfTheirConcatenation()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Key, (byte[])[.. Header, .. Parent, .. Metadata, .. Content]));

        Assert.Equal(expected, new MessageSigner(Key).SignHex(Header, Parent, Metadata, Content));
    }

    [Fact]
    public void Verify_OwnSignatureInUpperCase_IsAccepted()
    {
        var signer = new MessageSigner(Key);
        var signature = Encoding.ASCII.GetBytes(signer.SignHex(Header, Parent, Metadata, Content).ToUpperInvariant());

        Assert.True(signer.Verify(signature, Header, Parent, Metadata, Content));
    }

    [Fact]
    public void Verify_ContentChangedAfterSigning_IsRefused()
    {
        var signer = new MessageSigner(Key);
        var signature = Encoding.ASCII.GetBytes(signer.SignHex(Header, Parent, Metadata, Content));

        Assert.False(signer.Verify(signature, Header, Parent, Metadata, "{\"code\":\"2\"}"u8));
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_IsRefused()
    {
        var other = Encoding.ASCII.GetBytes(new MessageSigner("another key"u8.ToArray()).SignHex(Header, Parent, Metadata, Content));

        Assert.False(new MessageSigner(Key).Verify(other, Header, Parent, Metadata, Content));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz3456789012345678901234567890123456789012345678901234567890abcd")]
    public void Verify_NotAHexDigest_IsRefused(string signature) =>
        Assert.False(new MessageSigner(Key).Verify(Encoding.ASCII.GetBytes(signature), Header, Parent, Metadata, Content));

    [Fact]
    public void Constructor_EmptyKey_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new MessageSigner([]));
}
