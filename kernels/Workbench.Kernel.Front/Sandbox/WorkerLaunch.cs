using System.Diagnostics;

namespace Workbench.Kernel.Front.Sandbox;

/// <summary>How to start one worker: the command, where its socket will be, its control group and how it is confined.</summary>
internal sealed record WorkerLaunch(ProcessStartInfo Start, string SocketPath, ControlGroup? Group, string Isolation) : IDisposable
{
    public void Dispose() => Group?.Dispose();
}
