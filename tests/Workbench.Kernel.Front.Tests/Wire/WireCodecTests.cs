using System.Text;
using System.Text.Json;
using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Wire;

public sealed class WireCodecTests
{
    private static readonly byte[] Key = "wire-codec-key"u8.ToArray();

    private static WireCodec Codec() => new(new MessageSigner(Key), new ReplayGuard());

    private static List<byte[]> Frames(string type = MessageTypes.KernelInfoRequest) =>
        Codec().Encode(new OutgoingMessage(Channel.Shell, [Requests.ClientIdentity], Requests.Header(type), null, new { }));

    [Fact]
    public void Decode_EncodedMessage_ReturnsIdentitiesHeaderAndContent()
    {
        var header = Requests.Header(MessageTypes.ExecuteRequest);
        var parent = Requests.Header(MessageTypes.KernelInfoRequest);
        var frames = Codec().Encode(new OutgoingMessage(Channel.Shell, [Requests.ClientIdentity], header, parent, new StreamOutput("stdout", "é\n")));

        var message = Codec().Decode(frames).Message!;

        Assert.Equal(Requests.ClientIdentity, Assert.Single(message.Identities));
        Assert.Equal(header, message.Header);
        Assert.Equal(parent, message.ParentHeader);
        Assert.Equal("é\n", message.Content.GetProperty("text").GetString());
    }

    [Fact]
    public void Decode_EmptyParentHeader_IsNull()
    {
        Assert.Null(Codec().Decode(Frames()).Message!.ParentHeader);
    }

    [Fact]
    public void Decode_EmptySignature_IsRejectedAsUnsigned()
    {
        var frames = Frames();
        frames[2] = [];

        Assert.Equal("unsigned", Codec().Decode(frames).Rejection);
    }

    [Fact]
    public void Decode_ContentTamperedWith_IsRejectedAsBadSignature()
    {
        var frames = Frames();
        frames[^1] = "{\"code\":\"System.IO.File.ReadAllText(\\\"/etc/shadow\\\")\"}"u8.ToArray();

        Assert.Equal("bad signature", Codec().Decode(frames).Rejection);
    }

    [Fact]
    public void Decode_HeaderTamperedWith_IsRejectedAsBadSignature()
    {
        var frames = Frames();
        frames[3] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(frames[3]).Replace(MessageTypes.KernelInfoRequest, MessageTypes.ShutdownRequest, StringComparison.Ordinal));

        Assert.Equal("bad signature", Codec().Decode(frames).Rejection);
    }

    [Fact]
    public void Decode_SameMessageTwice_RejectsTheReplay()
    {
        var codec = Codec();
        var frames = Frames();

        Assert.NotNull(codec.Decode(frames).Message);
        Assert.Equal("replayed signature", codec.Decode(frames).Rejection);
    }

    [Fact]
    public void Decode_NoDelimiter_IsRejectedAsMalformed()
    {
        var frames = Frames();
        frames.RemoveAt(1);

        Assert.StartsWith("malformed", Codec().Decode(frames).Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_SignedButNotJson_IsRejectedAsMalformed()
    {
        var signer = new MessageSigner(Key);
        byte[] header = "not json"u8.ToArray(), empty = "{}"u8.ToArray();
        var frames = new List<byte[]> { "<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(signer.SignHex(header, empty, empty, empty)), header, empty, empty, empty };

        Assert.StartsWith("malformed JSON", Codec().Decode(frames).Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_OmitsAbsentOptionalFields()
    {
        var frames = Codec().Encode(new OutgoingMessage(Channel.Shell, [], Requests.Header(MessageTypes.IsCompleteReply), null, new IsCompleteReply("complete")));

        using var content = JsonDocument.Parse(frames[^1]);
        Assert.False(content.RootElement.TryGetProperty("indent", out _));
    }
}
