namespace OutputControl.Requests;

/// <summary>The effective disclosure-control policy. Every field has the contract's default.</summary>
public sealed record Policy
{
    /// <summary>The contract's defaults.</summary>
    public static readonly Policy Default = new();

    /// <summary>Creates a policy, validating every threshold.</summary>
    public Policy(
        int minUnits = 10,
        bool zerosDisclosive = false,
        int roundingBase = 10,
        MidpointPolicy midpointRounding = MidpointPolicy.AwayFromZero,
        DominanceRule? dominance = null,
        decimal? pPercent = 10m,
        int minResidualDf = 10,
        SecondaryMethod secondary = SecondaryMethod.Optimal,
        bool dominanceOff = false)
    {
        if (minUnits < 1)
        {
            throw new InvalidRequestException("policy.minUnits", $"must be at least 1, got {minUnits}");
        }

        if (roundingBase < 1)
        {
            throw new InvalidRequestException("policy.roundingBase", $"must be at least 1, got {roundingBase}");
        }

        if (pPercent is { } p && (p <= 0 || p > 100))
        {
            throw new InvalidRequestException("policy.pPercent", $"must be in (0, 100] or null, got {p}");
        }

        if (minResidualDf < 0)
        {
            throw new InvalidRequestException("policy.minResidualDf", $"must be at least 0, got {minResidualDf}");
        }

        MinUnits = minUnits;
        ZerosDisclosive = zerosDisclosive;
        RoundingBase = roundingBase;
        MidpointRounding = midpointRounding;
        Dominance = dominanceOff ? null : dominance ?? new DominanceRule(2, 85m);
        PPercent = pPercent;
        MinResidualDf = minResidualDf;
        Secondary = secondary;
    }

    /// <summary>A cell with 1 ≤ units &lt; MinUnits is a primary suppression.</summary>
    public int MinUnits { get; }

    /// <summary>When true, a zero cell is a primary suppression too.</summary>
    public bool ZerosDisclosive { get; }

    /// <summary>Published counts are rounded to this base.</summary>
    public int RoundingBase { get; }

    /// <summary>How midpoints are rounded.</summary>
    public MidpointPolicy MidpointRounding { get; }

    /// <summary>The (n,k) dominance rule, or null when switched off.</summary>
    public DominanceRule? Dominance { get; }

    /// <summary>The p of the p% rule, or null when switched off.</summary>
    public decimal? PPercent { get; }

    /// <summary>A model with fewer residual degrees of freedom is blocked.</summary>
    public int MinResidualDf { get; }

    /// <summary>How secondary suppressions are chosen.</summary>
    public SecondaryMethod Secondary { get; }
}
