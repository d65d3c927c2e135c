using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Worker.Tests.Execution;

[Collection(SharedSession.Name)]
public sealed class CSharpSessionTests(SessionFixture fixture)
{
    private readonly CSharpSession session = fixture.Session;

    [Fact]
    public async Task Execute_WritesToConsole_StreamsStdoutAndStderr()
    {
        var sink = new RecordingSink();

        var outcome = await session.ExecuteAsync("Console.WriteLine(\"out line\"); Console.Error.WriteLine(\"err line\");", sink, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal("out line\n", sink.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("err line\n", sink.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_ExpressionAtEnd_ResultHasPlainTextOnlyForSimpleValues()
    {
        var outcome = await session.ExecuteAsync("var seven = 7; seven * 6", new RecordingSink(), CancellationToken.None);

        Assert.Equal("42", outcome.Result!.Plain);
        Assert.Equal([MimeBundle.PlainText], outcome.Result.Data.Keys);
    }

    [Fact]
    public async Task Execute_ComplexValue_ResultHasHtmlAndPlainText()
    {
        var outcome = await session.ExecuteAsync("new { Name = \"x\", Count = 3 }", new RecordingSink(), CancellationToken.None);

        Assert.Contains("text/html", outcome.Result!.Data.Keys);
        Assert.Contains("Count", outcome.Result.Plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_StateCarriesOver_LaterCellSeesEarlierVariable()
    {
        await session.ExecuteAsync("var carried = \"from before\";", new RecordingSink(), CancellationToken.None);

        var outcome = await session.ExecuteAsync("carried.ToUpperInvariant()", new RecordingSink(), CancellationToken.None);

        Assert.Equal("FROM BEFORE", outcome.Result!.Plain);
    }

    [Fact]
    public async Task Execute_TwoCompileErrors_TracebackCarriesEveryDiagnostic()
    {
        var outcome = await session.ExecuteAsync("var a = missingOne;\nvar b = missingTwo;", new RecordingSink(), CancellationToken.None);

        var error = outcome.Error!;
        Assert.Equal(ExecutionError.CompilationError, error.Name);
        Assert.Contains(error.Traceback, line => line.StartsWith("(1,9): error CS0103", StringComparison.Ordinal) && line.Contains("missingOne", StringComparison.Ordinal));
        Assert.Contains(error.Traceback, line => line.StartsWith("(2,9): error CS0103", StringComparison.Ordinal) && line.Contains("missingTwo", StringComparison.Ordinal));
        Assert.Contains("CS0103", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Throws_ErrorHasExceptionTypeMessageAndUserFrames()
    {
        var outcome = await session.ExecuteAsync("void Fail() => throw new ArgumentException(\"bad argument\");\nFail();", new RecordingSink(), CancellationToken.None);

        var error = outcome.Error!;
        Assert.Equal("ArgumentException", error.Name);
        Assert.Equal("bad argument", error.Value);
        Assert.Contains(error.Traceback, line => line.Contains("Fail()", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_Display_SendsBundleWithPlainTextAndDisplayId()
    {
        var sink = new RecordingSink();

        await session.ExecuteAsync("display(HTML(\"<i>shown</i>\"));", sink, CancellationToken.None);

        var bundle = Assert.Single(sink.Displays);
        Assert.Equal("<i>shown</i>", bundle.Data["text/html"]);
        Assert.Contains(MimeBundle.PlainText, bundle.Data.Keys);
        Assert.NotNull(bundle.DisplayId);
    }

    [Fact]
    public async Task Execute_DisplayThenUpdate_UpdateCarriesTheSameDisplayId()
    {
        var sink = new RecordingSink();

        await session.ExecuteAsync("var shown = display(\"first\"); shown.Update(\"second\");", sink, CancellationToken.None);

        var (first, second) = (sink.Shown.First(), sink.Shown.Last());
        Assert.Equal(("first", false), (first.Bundle.Plain, first.Update));
        Assert.Equal(("second", true), (second.Bundle.Plain, second.Update));
        Assert.Equal(first.Bundle.DisplayId, second.Bundle.DisplayId);
    }

    [Fact]
    public async Task Execute_LineWrittenInPieces_StreamsOneMessagePerLineAndTheRestAtTheEnd()
    {
        var sink = new RecordingSink();

        await session.ExecuteAsync("Console.WriteLine(16); Console.Write(\"a\"); Console.Write(\"b\\nc\"); Console.Write(\"d\");", sink, CancellationToken.None);

        Assert.Equal(["16\n", "ab\n", "cd"], sink.Streams.Select(s => s.Text.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Execute_WriteThenDisplay_TheTextStreamsBeforeTheValue()
    {
        var sink = new RecordingSink();

        await session.ExecuteAsync("Console.Write(\"before \"); display(\"value\");", sink, CancellationToken.None);

        Assert.Equal("before ", sink.Stdout);
        Assert.Single(sink.Displays);
    }

    [Fact]
    public async Task Execute_CellThrowsAfterAnAssignment_TheVariableStaysDefined()
    {
        var failed = await session.ExecuteAsync("var keptAfterFailure = 5; throw new InvalidOperationException(\"late\");", new RecordingSink(), CancellationToken.None);

        var outcome = await session.ExecuteAsync("keptAfterFailure * 2", new RecordingSink(), CancellationToken.None);

        Assert.Equal("InvalidOperationException", failed.Error!.Name);
        Assert.Equal("10", outcome.Result!.Plain);
    }

    [Fact]
    public async Task Execute_StatementWithoutValue_HasNoResult()
    {
        var outcome = await session.ExecuteAsync("Console.Write(\"\")", new RecordingSink(), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.Result);
    }

    [Fact]
    public async Task Execute_ConsoleReadLine_AsksTheSinkForInput()
    {
        var sink = new RecordingSink("Ada");

        var outcome = await session.ExecuteAsync("Console.Write(\"name? \"); var who = Console.ReadLine(); $\"hello {who}\"", sink, CancellationToken.None);

        Assert.Equal("hello Ada", outcome.Result!.Plain);
        Assert.Single(sink.Prompts);
        Assert.Equal("name? ", sink.Stdout);
    }

    [Fact]
    public async Task Execute_ConsoleReadLineRefusedBySink_CellFailsWithTheReason()
    {
        var outcome = await session.ExecuteAsync("Console.ReadLine()", new RecordingSink(), CancellationToken.None);

        Assert.Equal("InvalidOperationException", outcome.Error!.Name);
        Assert.Equal("no input was scripted", outcome.Error.Value);
    }

    [Fact]
    public async Task Execute_InterruptedDuringCooperativeWait_EndsAsInterrupted()
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var outcome = await session.ExecuteAsync("await Task.Delay(60_000, Interrupted);", new RecordingSink(), interrupt.Token);

        Assert.Equal(ExecutionError.Interrupted, outcome.Error!.Name);
    }
}
