namespace Workbench.Kernel.Front.Wire;

/// <summary>
/// Remembers the signatures of accepted messages so that a captured message sent again is refused
/// (jupyter_client's <c>digest_history</c>). The memory is bounded: the oldest signatures are forgotten first.
/// </summary>
internal sealed class ReplayGuard(int capacity = 1 << 16)
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    /// <summary>Records the signature; false when it was seen before (a replay).</summary>
    public bool TryAccept(string signatureHex)
    {
        lock (gate)
        {
            if (!seen.Add(signatureHex)) return false;
            order.Enqueue(signatureHex);
            if (order.Count > capacity) seen.Remove(order.Dequeue());
            return true;
        }
    }
}
