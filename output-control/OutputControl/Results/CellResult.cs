namespace OutputControl.Results;

/// <summary>One cell of the result: its key, status, published value (null when suppressed or blocked) and
/// readable reasons.</summary>
public sealed record CellResult(IReadOnlyList<string> Key, CellStatus Status, decimal? Published, IReadOnlyList<string> Reasons);
