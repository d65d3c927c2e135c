using OutputControl.Results;
using OutputControl.Review;

namespace Workbench.Server.Outputs;

/// <summary>
/// An output a data scientist asked to release: its canonical content (<see cref="OutputContent"/>) with its SHA-256,
/// the automatic check result of the output-control gateway, and the review state of the library's
/// <see cref="OutputReview"/>. <see cref="Version"/> is the optimistic concurrency token: two checkers saving at once
/// cannot both build on the same state.
/// </summary>
public sealed class OutputRequest
{
    /// <summary>Such as <c>O-2026-0001</c>.</summary>
    public required string Id { get; init; }

    public required string ProjectId { get; init; }

    public required string AuthorId { get; init; }

    public required string Title { get; set; }

    /// <summary>The canonical JSON of <see cref="OutputContent"/>; its UTF-8 bytes hash to <see cref="ContentHash"/>.</summary>
    public required string Content { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>The gateway's result document (contract), with every cell's status, published value and reasons.</summary>
    public required string CheckResult { get; set; }

    public required Verdict Verdict { get; set; }

    /// <summary>The released outputs of the project the check compared this one with (differencing), by id.</summary>
    public List<string> ComparedWith { get; set; } = [];

    public required ReviewStatus Status { get; set; }

    public int Round { get; set; } = 1;

    /// <summary>Every vote ever cast, oldest first.</summary>
    public List<StoredReview> Reviews { get; set; } = [];

    public int Version { get; set; } = 1;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public OutputReview ToReview() => OutputReview.Restore(AuthorId, Status, Round, OutputControl.Review.ContentHash.FromHex(ContentHash), Verdict,
        Reviews.Select(r => new CheckerReview(r.CheckerId, r.Vote, r.Comment, OutputControl.Review.ContentHash.FromHex(r.ContentHash), r.Round, r.At)));

    /// <summary>Takes over the review's state and bumps the concurrency token.</summary>
    public void Apply(OutputReview review, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(review);
        Status = review.Status;
        Round = review.Round;
        ContentHash = review.ContentHash.Hex;
        Verdict = review.Verdict;
        Reviews = [.. review.Reviews.Select(r => new StoredReview(r.CheckerId, r.Vote, r.Comment, r.ContentHash.Hex, r.Round, r.At))];
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>A vote as stored (JSON): the library's <see cref="CheckerReview"/> with the hash as text.</summary>
public sealed record StoredReview(string CheckerId, Vote Vote, string Comment, string ContentHash, int Round, DateTimeOffset At);
