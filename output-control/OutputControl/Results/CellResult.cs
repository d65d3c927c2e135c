namespace OutputControl.Results;

/// <summary>One cell of the result: its key, status, published value (null when suppressed or blocked), readable
/// reasons and, under cell-key noise only, the noise bound D (the published count is within ±D of the true one).</summary>
public sealed record CellResult(IReadOnlyList<string> Key, CellStatus Status, decimal? Published, IReadOnlyList<string> Reasons, int? NoiseBound = null);
