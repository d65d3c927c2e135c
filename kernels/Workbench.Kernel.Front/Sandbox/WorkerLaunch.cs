using System.Diagnostics;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>How to start one worker: the command, where its socket will be, its control group and how it is confined.</summary>
internal sealed record WorkerLaunch(ProcessStartInfo Start, string SocketPath, ControlGroup? Group, string Isolation) : IDisposable
{
    /// <summary>The host directory the sandbox sees read-only as the project's (null unsandboxed: the worker reads the front's copy).</summary>
    public string? ProjectDirectory { get; init; }

    public void Dispose() => Group?.Dispose();
}
