using Microsoft.Extensions.Time.Testing;
using Workbench.Kernel.Front.Dispatch;
using Workbench.Kernel.Front.Hosting;
using Workbench.Kernel.Front.Tests.Infrastructure;

namespace Workbench.Kernel.Front.Tests.Dispatch;

/// <summary>
/// One in-process C# backend for the dispatcher tests (Roslyn takes seconds to start); each test gets its own
/// dispatcher and outbox on it.
/// </summary>
public sealed class DispatcherFixture : IAsyncDisposable
{
    internal InProcessBackend Backend { get; } = new();

    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    internal (KernelDispatcher Dispatcher, RecordingOutbox Outbox, StringWriter Log) Create()
    {
        var outbox = new RecordingOutbox();
        var log = new StringWriter();
        return (new KernelDispatcher(Backend, outbox, new MessageFactory("kernel-session", Time), new KernelLog(log, Time)), outbox, log);
    }

    public ValueTask DisposeAsync() => Backend.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedBackend : ICollectionFixture<DispatcherFixture>
{
    // Console.In is process-wide: the tests that run cells run one after another.
    public const string Name = "in-process backend";
}
