namespace OutputControl.Requests;

/// <summary>
/// One dimension of a table: its categories, the label of its marginal total (null when the table has no margin on
/// it) and, for a hierarchical dimension (buurt ⊂ wijk ⊂ gemeente, SBI division ⊂ section), each category's parent.
/// A category that is another's parent is a subtotal: its cells equal the sum of its children's. Categories without
/// a parent are the children of <see cref="Total"/>.
/// </summary>
public sealed record Dimension(
    string Name, IReadOnlyList<string> Categories, string? Total, IReadOnlyDictionary<string, string>? Parents = null)
{
    /// <summary>Whether the table carries a margin over this dimension.</summary>
    public bool HasTotal => Total is not null;

    /// <summary>Whether the dimension declares subtotals.</summary>
    public bool IsHierarchical => Parents is { Count: > 0 };
}
