namespace OutputControl.Results;

/// <summary>What happens to one cell.</summary>
public enum CellStatus
{
    /// <summary>Published (rounded when a count).</summary>
    Published,

    /// <summary>Suppressed by a primary rule.</summary>
    Primary,

    /// <summary>Suppressed to protect primary cells.</summary>
    Secondary,
}
