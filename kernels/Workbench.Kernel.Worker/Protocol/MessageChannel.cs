using System.Buffers;
using System.Text.Json;

namespace Workbench.Kernel.Worker.Protocol;

/// <summary>
/// JSON lines over a stream (the Unix domain socket between front and worker): writes are serialised, reads return
/// null at the end of the stream. A line longer than <see cref="MaxLine"/> ends the connection: neither side trusts
/// the other to be well behaved.
/// </summary>
public sealed class MessageChannel(Stream stream) : IAsyncDisposable
{
    public const int MaxLine = 64 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private readonly byte[] buffer = new byte[1 << 16];
    private readonly MemoryStream line = new();
    private int start;
    private int end;
    private readonly SemaphoreSlim writing = new(1, 1);

    public async Task SendAsync(WorkerMessage message, CancellationToken cancellationToken = default)
    {
        // The message and its newline in one write: one system call and one packet per message.
        var line = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(line)) JsonSerializer.Serialize(json, message, Json);
        line.Write("\n"u8);
        await writing.WaitAsync(cancellationToken);
        try
        {
            await stream.WriteAsync(line.WrittenMemory, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    public async Task<WorkerMessage?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        line.SetLength(0);
        while (true)
        {
            if (start == end)
            {
                (start, end) = (0, await stream.ReadAsync(buffer, cancellationToken));
                if (end == 0) return null;
            }
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            var stop = newline < 0 ? end : newline;
            if (line.Length + stop - start > MaxLine) throw new InvalidDataException($"a message longer than {MaxLine} bytes");
            line.Write(buffer, start, stop - start);
            start = newline < 0 ? end : newline + 1;
            if (newline >= 0) break;
        }
        return JsonSerializer.Deserialize<WorkerMessage>(line.GetBuffer().AsSpan(0, (int)line.Length), Json) ?? throw new InvalidDataException("an empty message");
    }

    public async ValueTask DisposeAsync()
    {
        line.Dispose();
        writing.Dispose();
        await stream.DisposeAsync();
    }
}
