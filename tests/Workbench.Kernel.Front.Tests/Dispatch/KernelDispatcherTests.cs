using System.Text.Json.Nodes;
using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Dispatch;

[Collection(SharedBackend.Name)]
public sealed partial class KernelDispatcherTests(DispatcherFixture fixture)
{
    private static JsonObject Content(OutgoingMessage message) => Requests.Json(message.Content);

    [Fact]
    public async Task Dispatch_KernelInfo_BusyReplyIdleInOrder()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.KernelInfoRequest);

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var sent = outbox.For(request);
        Assert.Equal([MessageTypes.Status, MessageTypes.KernelInfoReply, MessageTypes.Status], sent.Select(m => m.Type));
        Assert.Equal("busy", Content(sent[0])["execution_state"]!.GetValue<string>());
        Assert.Equal("idle", Content(sent[2])["execution_state"]!.GetValue<string>());
        Assert.All(sent, m => Assert.Equal(MessageTypes.ProtocolVersion, m.Header.Version));
        Assert.Equal(Channel.Shell, sent[1].Channel);
        Assert.Equal(Requests.ClientIdentity, Assert.Single(sent[1].Identities));
    }

    [Fact]
    public async Task Dispatch_KernelInfo_DescribesCSharpAndTheIsolationInTheBanner()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.KernelInfoRequest);

        await dispatcher.DispatchAsync(Channel.Control, request, CancellationToken.None);

        var reply = Content(outbox.For(request)[1]);
        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("5.3", reply["protocol_version"]!.GetValue<string>());
        Assert.Equal("C#", reply["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal(".cs", reply["language_info"]!["file_extension"]!.GetValue<string>());
        Assert.Contains("UNSANDBOXED", reply["banner"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Channel.Control, outbox.For(request)[1].Channel);
    }

    [Fact]
    public async Task Dispatch_UnknownType_IsLoggedAndNotAnswered()
    {
        var (dispatcher, outbox, log) = fixture.Create();

        await dispatcher.DispatchAsync(Channel.Shell, Requests.Create("debug_request"), CancellationToken.None);

        Assert.Empty(outbox.Sent);
        Assert.Contains("unknown message type 'debug_request' on Shell", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_InvalidContent_ErrorReplyBetweenBusyAndIdle()
    {
        var (dispatcher, outbox, log) = fixture.Create();
        var request = Requests.Create(MessageTypes.CompleteRequest, new { code = 3, cursor_pos = "x" });

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var sent = outbox.For(request);
        Assert.Equal([MessageTypes.Status, MessageTypes.CompleteReply, MessageTypes.Status], sent.Select(m => m.Type));
        Assert.Equal("error", Content(sent[1])["status"]!.GetValue<string>());
        Assert.Contains("handler for complete_request failed", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_CommInfo_NoComms()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.CommInfoRequest, new { target_name = "jupyter.widget" });

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var reply = Content(outbox.For(request)[1]);
        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Empty(reply["comms"]!.AsObject());
    }

    [Fact]
    public async Task Dispatch_Shutdown_RepliesOnControlAndIoPubThenSignals()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.ShutdownRequest, new { restart = true });

        await dispatcher.DispatchAsync(Channel.Control, request, CancellationToken.None);

        var replies = outbox.For(request).Where(m => m.Type == MessageTypes.ShutdownReply).ToList();
        Assert.Equal([Channel.Control, Channel.IoPub], replies.Select(m => m.Channel));
        Assert.True(await dispatcher.ShutdownRequested);
    }

    [Fact]
    public async Task Dispatch_IsComplete_OpenBlockIsIncompleteWithIndent()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.IsCompleteRequest, new { code = "if (true) {" });

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var reply = Content(outbox.For(request)[1]);
        Assert.Equal("incomplete", reply["status"]!.GetValue<string>());
        Assert.Equal("    ", reply["indent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatch_Complete_MatchesWithTypesAndCodePointCursor()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.CompleteRequest, new { code = "\"🙂\".Trim(); Math.Ma", cursor_pos = 19 });

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var reply = Content(outbox.For(request)[1]);
        Assert.Contains("Max", reply["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(17, reply["cursor_start"]!.GetValue<int>());
        Assert.Equal(19, reply["cursor_end"]!.GetValue<int>());
        Assert.Contains(reply["metadata"]!["_jupyter_types_experimental"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "Max" && t["type"]!.GetValue<string>() == "method");
    }

    [Fact]
    public async Task Dispatch_Inspect_FoundWithPlainTextAndMarkdown()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.InspectRequest, new { code = "Math.Max", cursor_pos = 8, detail_level = 0 });

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var reply = Content(outbox.For(request)[1]);
        Assert.True(reply["found"]!.GetValue<bool>());
        Assert.Contains("Math.Max", reply["data"]!["text/plain"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(reply["data"]!["text/markdown"]);
    }
}
