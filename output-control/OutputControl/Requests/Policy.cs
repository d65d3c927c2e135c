using OutputControl.Noise;

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
        bool dominanceOff = false,
        CellKeyPolicy? cellKey = null)
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
        CellKey = cellKey;
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

    /// <summary>
    /// Cell-key noise for count tables instead of suppression and rounding (recurring public tables), or null (the
    /// default: suppression and rounding, as for research outputs).
    /// </summary>
    public CellKeyPolicy? CellKey { get; }

    /// <summary>This policy with <paramref name="cellKey"/> as its cell-key noise (this very policy when unchanged).</summary>
    public Policy WithCellKey(CellKeyPolicy? cellKey) => Equals(cellKey, CellKey) ? this
        : new Policy(MinUnits, ZerosDisclosive, RoundingBase, MidpointRounding, Dominance, PPercent, MinResidualDf, Secondary, Dominance is null, cellKey);

    /// <summary>
    /// Every field in which this policy protects less than <paramref name="floor"/>: fewer minimum units, a smaller
    /// rounding base, zeros published where the floor suppresses them, a dominance or p% rule switched off or looser
    /// (an (n,k) rule is at least as strict when n ≥ the floor's n and k ≤ its k), fewer residual degrees of freedom.
    /// The midpoint rule and the secondary method are never weaker: both methods are audited, and rounding a midpoint
    /// either way reveals nothing the other does not. Cell-key noise where the floor has none is weaker (the server has
    /// not enabled it), and so is a smaller maximum noise or variance than the floor's; no cell-key noise is never
    /// weaker (suppression and rounding are always allowed).
    /// </summary>
    public IReadOnlyList<PolicyWeakening> WeakeningsAgainst(Policy floor)
    {
        ArgumentNullException.ThrowIfNull(floor);
        var weaker = new List<PolicyWeakening>();
        void Weaker(string field, string problem) => weaker.Add(new PolicyWeakening("policy." + field, problem));
        if (MinUnits < floor.MinUnits)
        {
            Weaker("minUnits", $"{MinUnits} is below the enforced {floor.MinUnits}");
        }

        if (floor.ZerosDisclosive && !ZerosDisclosive)
        {
            Weaker("zerosDisclosive", "false would publish zero cells that the enforced policy suppresses");
        }

        if (RoundingBase < floor.RoundingBase)
        {
            Weaker("roundingBase", $"{RoundingBase} is below the enforced {floor.RoundingBase}");
        }

        if (floor.Dominance is { } fd)
        {
            if (Dominance is not { } d)
            {
                Weaker("dominance", $"null switches off the enforced ({fd.N},{fd.K}) dominance rule");
            }
            else if (d.N < fd.N || d.K > fd.K)
            {
                Weaker("dominance", $"({d.N},{d.K}) is looser than the enforced ({fd.N},{fd.K}): n must be at least {fd.N} and k at most {fd.K}");
            }
        }

        if (floor.PPercent is { } fp)
        {
            if (PPercent is not { } p)
            {
                Weaker("pPercent", $"null switches off the enforced p% rule (p = {fp})");
            }
            else if (p < fp)
            {
                Weaker("pPercent", $"{p} is below the enforced {fp}");
            }
        }

        if (MinResidualDf < floor.MinResidualDf)
        {
            Weaker("minResidualDf", $"{MinResidualDf} is below the enforced {floor.MinResidualDf}");
        }

        if (CellKey is { } ck)
        {
            if (floor.CellKey is not { } fck)
            {
                Weaker("cellKey", "cell-key noise is not enabled by the server");
            }
            else
            {
                if (ck.MaxNoise < fck.MaxNoise)
                {
                    Weaker("cellKey.maxNoise", $"{ck.MaxNoise} is below the enforced {fck.MaxNoise}");
                }

                if (ck.Variance < fck.Variance)
                {
                    Weaker("cellKey.variance", $"{KeyFormat.Format(ck.Variance)} is below the enforced {KeyFormat.Format(fck.Variance)}");
                }
            }
        }

        return weaker;
    }
}
