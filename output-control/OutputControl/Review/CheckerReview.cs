namespace OutputControl.Review;

/// <summary>
/// One vote by one checker, bound to the content hash the checker saw and to the review round (a new round starts
/// whenever the output changes or is submitted again, so older votes never count again).
/// </summary>
public sealed record CheckerReview(string CheckerId, Vote Vote, string Comment, ContentHash ContentHash, int Round, DateTimeOffset At);
