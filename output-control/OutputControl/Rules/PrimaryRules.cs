using OutputControl.Requests;

namespace OutputControl.Rules;

/// <summary>
/// The primary disclosure rules on one cell: the unit threshold, disclosive zeros, the (n,k) dominance rule and the
/// p% rule. Boundaries are computed in decimals: a top-n share of exactly k% and a remainder of exactly p% of the
/// largest contribution are safe. Protection levels follow the SDC Handbook (Hundepool et al., §4.2–4.3).
/// </summary>
public static class PrimaryRules
{
    private static readonly PrimaryAssessment Safe = new(false, default, [], false);

    /// <summary>Assesses one cell under the policy.</summary>
    public static PrimaryAssessment Assess(Measure measure, decimal value, long units, IReadOnlyList<decimal>? contributions, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var reasons = new List<string>();
        var requirement = default(ProtectionRequirement);
        var primary = false;
        if (units >= 1 && units < policy.MinUnits)
        {
            primary = true;
            reasons.Add($"minUnits: {units} units < {policy.MinUnits}");
            requirement = requirement.Combine(new ProtectionRequirement(policy.MinUnits, 0, 0));
        }

        if (units == 0 && policy.ZerosDisclosive)
        {
            primary = true;
            reasons.Add("zero: an empty cell is disclosive under this policy");
            requirement = requirement.Combine(new ProtectionRequirement(policy.MinUnits, 0, 0));
        }

        var review = false;
        if (measure == Measure.Sum && units >= 1)
        {
            if (contributions is null)
            {
                review = true;
                reasons.Add("manualReview: no contributions, the dominance rules cannot clear this cell");
            }
            else
            {
                var sorted = contributions.OrderDescending().ToArray();
                if (policy.Dominance is { } rule && Dominance(sorted, value, rule) is { } upl)
                {
                    primary = true;
                    var top = sorted.Take(rule.N).Sum();
                    reasons.Add($"dominance({rule.N},{KeyFormat.Format(rule.K)}): largest {rule.N} = {KeyFormat.Format(top)} > {KeyFormat.Format(rule.K)}% of {KeyFormat.Format(value)}");
                    requirement = requirement.Combine(new ProtectionRequirement(0, upl, Math.Min(upl, value)));
                }

                if (policy.PPercent is { } p && PPercent(sorted, value, p) is { } ppl)
                {
                    primary = true;
                    var remainder = value - sorted[0] - (sorted.Length > 1 ? sorted[1] : 0);
                    reasons.Add($"p%: remainder {KeyFormat.Format(remainder)} < {KeyFormat.Format(p)}% of largest {KeyFormat.Format(sorted[0])}");
                    requirement = requirement.Combine(new ProtectionRequirement(0, ppl, Math.Min(ppl, value)));
                }
            }
        }

        return primary || review ? new PrimaryAssessment(primary, requirement, reasons, review) : Safe;
    }

    /// <summary>The (n,k) rule on contributions sorted descending: null when safe, else the upper protection level
    /// 100/k·(x1+…+xn) − X. Unsafe only when 100·(x1+…+xn) &gt; k·X.</summary>
    public static decimal? Dominance(IReadOnlyList<decimal> sortedDescending, decimal total, DominanceRule rule)
    {
        ArgumentNullException.ThrowIfNull(sortedDescending);
        ArgumentNullException.ThrowIfNull(rule);
        var top = sortedDescending.Take(rule.N).Sum();
        if (100m * top <= rule.K * total)
        {
            return null;
        }

        return Math.Max(0m, (100m * top / rule.K) - total);
    }

    /// <summary>The p% rule on contributions sorted descending: null when safe, else the upper protection level
    /// p/100·x1 − (X − x1 − x2). Unsafe only when 100·(X − x1 − x2) &lt; p·x1.</summary>
    public static decimal? PPercent(IReadOnlyList<decimal> sortedDescending, decimal total, decimal p)
    {
        ArgumentNullException.ThrowIfNull(sortedDescending);
        if (sortedDescending.Count == 0)
        {
            return null;
        }

        var x1 = sortedDescending[0];
        var x2 = sortedDescending.Count > 1 ? sortedDescending[1] : 0m;
        var remainder = total - x1 - x2;
        if (100m * remainder >= p * x1)
        {
            return null;
        }

        return (p * x1 / 100m) - remainder;
    }
}
