namespace Workbench.Microdata.Generation;

/// <summary>A minimal growable array for per-partition buffers (no bounds checks beyond the array's own).</summary>
internal struct Grow<T>
{
    public T[] Items;
    public int Count;

    public Grow(int capacity)
    {
        Items = new T[Math.Max(4, capacity)];
        Count = 0;
    }

    public void Add(T item)
    {
        if (Count == Items.Length) Array.Resize(ref Items, Items.Length * 2);
        Items[Count++] = item;
    }

    public readonly ReadOnlySpan<T> AsSpan() => Items.AsSpan(0, Count);
}
