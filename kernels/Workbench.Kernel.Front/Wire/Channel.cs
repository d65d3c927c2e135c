namespace Workbench.Kernel.Front.Wire;

/// <summary>The kernel's sockets that carry signed messages (the heartbeat carries raw bytes).</summary>
internal enum Channel
{
    Shell,
    Control,
    Stdin,
    IoPub,
}
