using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Worker.Tests.Execution;

/// <summary>One C# session for a test class: starting Roslyn takes seconds, and every test uses fresh names.</summary>
public sealed class SessionFixture : IDisposable
{
    internal CSharpSession Session { get; } = new();

    public void Dispose() => Session.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SharedSession : ICollectionFixture<SessionFixture>
{
    // Console.In is process-wide: the session tests run one after another.
    public const string Name = "C# session";
}
