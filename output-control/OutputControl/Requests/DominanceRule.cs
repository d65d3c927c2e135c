namespace OutputControl.Requests;

/// <summary>The (n,k) dominance rule: a cell is unsafe if its <see cref="N"/> largest contributions exceed
/// <see cref="K"/>% of the cell total.</summary>
public sealed record DominanceRule
{
    /// <summary>Creates the rule; <paramref name="n"/> ≥ 1 and 0 &lt; <paramref name="k"/> ≤ 100.</summary>
    public DominanceRule(int n, decimal k)
    {
        if (n < 1)
        {
            throw new InvalidRequestException("policy.dominance.n", $"must be at least 1, got {n}");
        }

        if (k <= 0 || k > 100)
        {
            throw new InvalidRequestException("policy.dominance.k", $"must be in (0, 100], got {k}");
        }

        N = n;
        K = k;
    }

    /// <summary>The number of largest contributions summed.</summary>
    public int N { get; }

    /// <summary>The percentage of the cell total they may reach without exceeding it.</summary>
    public decimal K { get; }
}
