namespace OutputControl.Requests;

/// <summary>What a table's values measure.</summary>
public enum Measure
{
    /// <summary>Frequencies (record counts); published counts are rounded.</summary>
    Count,

    /// <summary>Magnitudes such as income or turnover; subject to the dominance rules.</summary>
    Sum,
}
