namespace OutputControl.Requests;

/// <summary>One dimension of a table: its categories and the label of its marginal total (null when the table has
/// no margin on it).</summary>
public sealed record Dimension(string Name, IReadOnlyList<string> Categories, string? Total)
{
    /// <summary>Whether the table carries a margin over this dimension.</summary>
    public bool HasTotal => Total is not null;
}
