using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbench.Kernel.Front.Wire;

/// <summary>
/// Jupyter's multipart framing: routing identities, the <c>&lt;IDS|MSG&gt;</c> delimiter, the signature, header,
/// parent header, metadata, content, then buffers. Decoding verifies the signature and refuses replays before it
/// parses anything.
/// </summary>
internal sealed class WireCodec(MessageSigner signer, ReplayGuard replays)
{
    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public DecodeResult Decode(IReadOnlyList<byte[]> frames)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count && delimiter < 0; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) delimiter = i;
        if (delimiter < 0 || frames.Count < delimiter + 6) return DecodeResult.Rejected("malformed: no delimiter or fewer than five frames after it");

        var (signature, header, parent, metadata, content) = (frames[delimiter + 1], frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5]);
        if (signature.Length == 0) return DecodeResult.Rejected("unsigned");
        if (!signer.Verify(signature, header, parent, metadata, content)) return DecodeResult.Rejected("bad signature");
        if (!replays.TryAccept(Encoding.ASCII.GetString(signature).ToLowerInvariant())) return DecodeResult.Rejected("replayed signature");

        try
        {
            var message = new JupyterMessage(
                frames.Take(delimiter).ToList(),
                JsonSerializer.Deserialize<MessageHeader>(header, WireJson.Options) ?? throw new JsonException("the header is null"),
                parent.AsSpan().SequenceEqual(EmptyObject) ? null : JsonSerializer.Deserialize<MessageHeader>(parent, WireJson.Options),
                JsonNode.Parse(metadata) as JsonObject ?? [],
                JsonDocument.Parse(content).RootElement.Clone(),
                frames.Skip(delimiter + 6).ToList());
            return message.Header.MessageType is null or "" ? DecodeResult.Rejected("malformed: no msg_type") : DecodeResult.Accepted(message);
        }
        catch (JsonException e)
        {
            return DecodeResult.Rejected($"malformed JSON: {e.Message}");
        }
    }

    public List<byte[]> Encode(OutgoingMessage message)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(message.Header, WireJson.Options);
        var parent = message.ParentHeader is null ? EmptyObject : JsonSerializer.SerializeToUtf8Bytes(message.ParentHeader, WireJson.Options);
        var metadata = EmptyObject;
        var content = JsonSerializer.SerializeToUtf8Bytes(message.Content, message.Content.GetType(), WireJson.Options);
        var frames = new List<byte[]>(message.Identities.Count + 6);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.SignHex(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        return frames;
    }
}

/// <summary>Either an accepted message or the reason it was dropped (logged, never answered).</summary>
internal readonly record struct DecodeResult(JupyterMessage? Message, string? Rejection)
{
    public static DecodeResult Accepted(JupyterMessage message) => new(message, null);

    public static DecodeResult Rejected(string reason) => new(null, reason);
}
