using System.Collections.Concurrent;

namespace OutputControl.Noise;

/// <summary>
/// The perturbation table (p-table) of the cell-key method, built from (D, V) the way the SDC Handbook and Destatis'
/// ptable package build it: one row per original count 0, 1, …, D and one for every count above D; each row is the
/// maximum-entropy noise distribution on −D..D with mean 0 (unbiased) and variance V, laid out as consecutive
/// intervals of [0, 1) in ascending noise. A cell's noise is the entry whose interval holds its cell key, so the same
/// count with the same key gets the same noise in every release and at every level of a hierarchy.
/// </summary>
/// <remarks>
/// Positive counts never become 0 or negative: row v only has noises ≥ 1 − v (ptable's blocking of target values,
/// here of 0 itself), so a published 0 is always a true 0. Where that leaves a row too narrow for V (a mean-0
/// distribution on 1−v..D spreads at most (v−1)·D), the row takes the largest variance it can: row 1 is always 0,
/// and for V ≥ (v−1)·D row v is the two-point distribution on its ends. ptable stops with an error in that case
/// instead; the rows above keep V. Interval ends are rounded to 12 decimals (ptable publishes 8), so the table and
/// every noise are the same on every machine; mean and variance then hold to about 1e-11.
/// There is no NuGet package for p-tables (the reference implementations are the R packages ptable and cellKey and
/// τ-ARGUS), so the table is computed here.
/// </remarks>
public sealed class PerturbationTable
{
    /// <summary>Decimal places of the interval ends.</summary>
    public const int Digits = 12;

    private static readonly ConcurrentDictionary<CellKeyPolicy, PerturbationTable> Built = new();

    private PerturbationTable(CellKeyPolicy policy)
    {
        Policy = policy;
        var d = policy.MaxNoise;
        var rows = new List<PerturbationRow>(d + 2)
        {
            new(0, false, 0m, [new PerturbationEntry(0, 1m, 0m, 1m)]), // true zeros stay 0
        };
        for (var v = 1; v <= d + 1; v++)
        {
            var lo = Math.Max(-d, 1 - v);
            var variance = Math.Min(policy.Variance, (decimal)-lo * d);
            var p = MaxEntropy.Solve(lo, d, (double)variance);
            rows.Add(new PerturbationRow(v, v == d + 1, variance, Layout(lo, p)));
        }

        Rows = rows;
    }

    /// <summary>The parameters (D, V) the table was built from.</summary>
    public CellKeyPolicy Policy { get; }

    /// <summary>Rows 0 … D, then the row of every count above D (index D + 1).</summary>
    public IReadOnlyList<PerturbationRow> Rows { get; }

    /// <summary>The table for these parameters (built once per process; it depends on nothing else).</summary>
    public static PerturbationTable For(CellKeyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Built.GetOrAdd(policy, p => new PerturbationTable(p));
    }

    /// <summary>The row that serves a count: its own for 0 … D, the last one above D.</summary>
    public PerturbationRow RowFor(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Rows[(int)Math.Min(count, Policy.MaxNoise + 1)];
    }

    /// <summary>The noise of a count with this cell key: 0 for a true zero, else in 1 − count … D and within ±D.</summary>
    public int NoiseFor(long count, decimal cellKey)
    {
        if (cellKey < 0 || cellKey >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cellKey), cellKey, "a cell key is in [0, 1)");
        }

        return RowFor(count).NoiseFor(cellKey);
    }

    private static List<PerturbationEntry> Layout(int lo, double[] p)
    {
        var entries = new List<PerturbationEntry>(p.Length);
        var cumulative = 0.0;
        var lower = 0m;
        for (var i = 0; i < p.Length; i++)
        {
            cumulative += p[i];
            var upper = i == p.Length - 1 ? 1m : Math.Min(1m, Math.Round((decimal)cumulative, Digits, MidpointRounding.ToEven));
            if (upper > lower)
            {
                entries.Add(new PerturbationEntry(lo + i, upper - lower, lower, upper));
                lower = upper;
            }
        }

        return entries;
    }
}
