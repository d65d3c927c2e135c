using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Transport;

/// <summary>Where the dispatcher hands the messages it sends: the kernel's sockets, or a list in a test.</summary>
internal interface IOutbox
{
    void Send(OutgoingMessage message);
}
