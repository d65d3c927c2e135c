using Workbench.Kernel.Worker.Execution;
using Workbench.Kernel.Worker.Protocol;

namespace Workbench.Kernel.Worker.Tests.Protocol;

public sealed class MessageChannelTests
{
    [Fact]
    public async Task ReceiveAsync_MessagesSent_ComeBackTypedAndInOrder()
    {
        var pipe = new MemoryStream();
        await using (var writer = new MessageChannel(new NonClosing(pipe)))
        {
            await writer.SendAsync(new ExecuteCommand(1, "Console.WriteLine(\"é\\n\");"));
            await writer.SendAsync(new ExecuteDone(1, ExecutionOutcome.Success(MimeBundle.Create([], "42")), Stuck: true));
        }
        pipe.Position = 0;
        await using var reader = new MessageChannel(pipe);

        var execute = Assert.IsType<ExecuteCommand>(await reader.ReceiveAsync());
        var done = Assert.IsType<ExecuteDone>(await reader.ReceiveAsync());

        Assert.Equal("Console.WriteLine(\"é\\n\");", execute.Code);
        Assert.Equal("42", done.Outcome.Result!.Plain);
        Assert.True(done.Stuck);
        Assert.Null(await reader.ReceiveAsync());
    }

    [Fact]
    public async Task ReceiveAsync_UnknownKind_IsRefused()
    {
        await using var reader = new MessageChannel(new MemoryStream("{\"kind\":\"shell\",\"Id\":1}\n"u8.ToArray()));

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => reader.ReceiveAsync());
    }

    private sealed class NonClosing(Stream inner) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
    }
}
