namespace Workbench.Kernel.Front.Wire;

/// <summary>A message the kernel sends: on which channel, to whom (routing identities), and its typed content record.</summary>
internal sealed record OutgoingMessage(Channel Channel, IReadOnlyList<byte[]> Identities, MessageHeader Header, MessageHeader? ParentHeader, object Content)
{
    public string Type => Header.MessageType;
}
