namespace OutputControl.Audit;

/// <summary>
/// A proof that a primary cell can move: a vector y on suppressed cells that satisfies every relation (an
/// alternating cycle, or a 2×…×2 hypercube in higher dimensions) with y = +1 at the primary. Along it the cell rises
/// by at least <see cref="Up"/> and falls by at least <see cref="Down"/> while every cell stays non-negative.
/// </summary>
internal sealed record Certificate(decimal Up, decimal Down, int[] Cells);
