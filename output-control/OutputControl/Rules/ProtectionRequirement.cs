namespace OutputControl.Rules;

/// <summary>
/// What the attacker's feasible interval [lo, hi] of a primary cell must satisfy: hi − lo ≥ <see cref="Width"/>,
/// hi ≥ value + <see cref="Upper"/> and lo ≤ value − <see cref="Lower"/> (Lower is Upper clamped at the value).
/// </summary>
public readonly record struct ProtectionRequirement
{
    /// <summary>Creates a requirement; every part must be non-negative.</summary>
    public ProtectionRequirement(decimal width, decimal upper, decimal lower)
    {
        if (width < 0 || upper < 0 || lower < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "protection levels must not be negative");
        }

        Width = width;
        Upper = upper;
        Lower = lower;
    }

    /// <summary>The interval width required (minUnits and zero primaries).</summary>
    public decimal Width { get; }

    /// <summary>The upper protection level (dominance and p% primaries).</summary>
    public decimal Upper { get; }

    /// <summary>The lower protection level, clamped so that lo ≤ value − Lower stays reachable at 0.</summary>
    public decimal Lower { get; }

    /// <summary>The stricter of two requirements, part by part.</summary>
    public ProtectionRequirement Combine(ProtectionRequirement other) =>
        new(Math.Max(Width, other.Width), Math.Max(Upper, other.Upper), Math.Max(Lower, other.Lower));
}
