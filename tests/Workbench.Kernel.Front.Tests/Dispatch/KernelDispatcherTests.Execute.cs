using Workbench.Kernel.Front.Tests.Infrastructure;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Tests.Dispatch;

public sealed partial class KernelDispatcherTests
{
    [Fact]
    public async Task Execute_PrintsAndReturns_InputStreamResultReplyInsideBusyIdle()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Execute("Console.WriteLine(\"printed\"); 20 + 22");

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var sent = outbox.For(request);
        Assert.Equal([MessageTypes.Status, MessageTypes.ExecuteInput, MessageTypes.Stream, MessageTypes.ExecuteResult, MessageTypes.ExecuteReply, MessageTypes.Status], sent.Select(m => m.Type));
        Assert.Equal("printed\n", Content(sent[2])["text"]!.GetValue<string>().Replace("\r\n", "\n", StringComparison.Ordinal));
        var result = Content(sent[3]);
        Assert.Equal("42", result["data"]!["text/plain"]!.GetValue<string>());
        var reply = Content(sent[4]);
        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal(result["execution_count"]!.GetValue<int>(), reply["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Execute_CompileError_ErrorMessageAndReplyCarryTheDiagnostics()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Execute("int n = \"text\";");

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var sent = outbox.For(request);
        var error = Content(sent.Single(m => m.Type == MessageTypes.Error));
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), line => line!.GetValue<string>().StartsWith("(1,9): error CS0029", StringComparison.Ordinal));
        var reply = Content(sent.Single(m => m.Type == MessageTypes.ExecuteReply));
        Assert.Equal("error", reply["status"]!.GetValue<string>());
        Assert.Equal(error["evalue"]!.GetValue<string>(), reply["evalue"]!.GetValue<string>());
        Assert.True(dispatcher.AbortQueuedExecutions);
    }

    [Fact]
    public async Task Execute_ErrorWithoutStopOnError_DoesNotAbortTheQueue()
    {
        var (dispatcher, _, _) = fixture.Create();

        await dispatcher.DispatchAsync(Channel.Shell, Requests.Execute("throw new Exception(\"x\");", stopOnError: false), CancellationToken.None);

        Assert.False(dispatcher.AbortQueuedExecutions);
    }

    [Fact]
    public async Task Execute_Silent_OnlyBusyReplyIdleAndNoCountIncrement()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var silent = Requests.Execute("Console.WriteLine(\"hidden\"); 1", silent: true);
        var next = Requests.Execute("2");

        await dispatcher.DispatchAsync(Channel.Shell, silent, CancellationToken.None);
        await dispatcher.DispatchAsync(Channel.Shell, next, CancellationToken.None);

        Assert.Equal([MessageTypes.Status, MessageTypes.ExecuteReply, MessageTypes.Status], outbox.For(silent).Select(m => m.Type));
        Assert.Equal(1, Content(outbox.For(next).Single(m => m.Type == MessageTypes.ExecuteReply))["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Execute_Display_SendsDisplayDataWithTransientId()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Execute("display(HTML(\"<b>b</b>\"));");

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var display = Content(outbox.For(request).Single(m => m.Type == MessageTypes.DisplayData));
        Assert.Equal("<b>b</b>", display["data"]!["text/html"]!.GetValue<string>());
        Assert.NotNull(display["data"]!["text/plain"]);
        Assert.NotNull(display["transient"]!["display_id"]);
    }

    [Fact]
    public async Task Execute_ReadLine_InputRequestOnStdinToTheSameClientThenContinues()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Execute("var answer = Console.ReadLine(); answer + \"!\"");

        var running = dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);
        var inputRequest = await outbox.WaitForAsync(MessageTypes.InputRequest, TimeSpan.FromSeconds(30));
        dispatcher.ReceiveInput(Requests.Create(MessageTypes.InputReply, new { value = "yes" }));
        await running;

        Assert.Equal(Channel.Stdin, inputRequest.Channel);
        Assert.Equal(Requests.ClientIdentity, Assert.Single(inputRequest.Identities));
        Assert.Equal(request.Header, inputRequest.ParentHeader);
        Assert.Equal("yes!", Content(outbox.For(request).Single(m => m.Type == MessageTypes.ExecuteResult))["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_ReadLineWithoutAllowStdin_FailsWithTheReason()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Execute("Console.ReadLine()", allowStdin: false);

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var error = Content(outbox.For(request).Single(m => m.Type == MessageTypes.Error));
        Assert.Contains("allow_stdin is false", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(outbox.Sent, m => m.Type == MessageTypes.InputRequest);
    }

    [Fact]
    public async Task Execute_UserExpressions_EvaluatedAfterTheCell()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        var request = Requests.Create(MessageTypes.ExecuteRequest, new { code = "var ue = 5;", user_expressions = new { doubled = "ue * 2", broken = "nope" } });

        await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var expressions = Content(outbox.For(request).Single(m => m.Type == MessageTypes.ExecuteReply))["user_expressions"]!;
        Assert.Equal("10", expressions["doubled"]!["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("error", expressions["broken"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_TailRangeSearch_ReturnStoredCells()
    {
        var (dispatcher, outbox, _) = fixture.Create();
        foreach (var code in new[] { "var h1 = 1;", "h1 + 1", "h1 + 2" })
            await dispatcher.DispatchAsync(Channel.Shell, Requests.Execute(code), CancellationToken.None);

        var tail = Requests.Create(MessageTypes.HistoryRequest, new { output = true, raw = true, hist_access_type = "tail", n = 2 });
        var range = Requests.Create(MessageTypes.HistoryRequest, new { output = false, raw = true, hist_access_type = "range", session = 1, start = 1, stop = 2 });
        var search = Requests.Create(MessageTypes.HistoryRequest, new { output = false, raw = true, hist_access_type = "search", pattern = "h1 + *", n = 1 });
        foreach (var request in new[] { tail, range, search }) await dispatcher.DispatchAsync(Channel.Shell, request, CancellationToken.None);

        var tailRows = Content(outbox.For(tail)[1])["history"]!.AsArray();
        Assert.Equal(2, tailRows.Count);
        Assert.Equal("h1 + 1", tailRows[0]![2]![0]!.GetValue<string>());
        Assert.Equal("2", tailRows[0]![2]![1]!.GetValue<string>());
        var rangeRow = Assert.Single(Content(outbox.For(range)[1])["history"]!.AsArray());
        Assert.Equal("var h1 = 1;", rangeRow![2]!.GetValue<string>());
        var searchRow = Assert.Single(Content(outbox.For(search)[1])["history"]!.AsArray());
        Assert.Equal("h1 + 2", searchRow![2]!.GetValue<string>());
    }
}
