namespace OutputControl.Requests;

/// <summary>How a value exactly half-way between two multiples of the rounding base is rounded.</summary>
public enum MidpointPolicy
{
    /// <summary>15 → 20, 25 → 30 (the default).</summary>
    AwayFromZero,

    /// <summary>15 → 20, 25 → 20: to the even multiple of the base.</summary>
    ToEven,
}
