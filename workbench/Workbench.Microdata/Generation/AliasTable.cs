namespace Workbench.Microdata.Generation;

/// <summary>Walker's alias method: O(1) draws from a fixed discrete distribution (employers by size, and so on).</summary>
internal sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0) throw new ArgumentException("an alias table needs at least one weight", nameof(weights));
        _probability = new double[n];
        _alias = new int[n];
        double total = 0;
        foreach (var w in weights) total += w;
        if (!(total > 0)) total = n;
        var scaled = new double[n];
        for (var i = 0; i < n; i++) scaled[i] = (total == n && weights[i] <= 0 ? 1 : weights[i]) * n / total;
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--) (scaled[i] < 1 ? small : large).Push(i);
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        while (large.Count > 0) _probability[large.Pop()] = 1;
        while (small.Count > 0) _probability[small.Pop()] = 1;
    }

    public int Count => _probability.Length;

    public int Draw(ref Rng rng)
    {
        var i = rng.Next(_probability.Length);
        return rng.NextDouble() < _probability[i] ? i : _alias[i];
    }
}
