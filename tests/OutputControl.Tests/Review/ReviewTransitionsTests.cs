using OutputControl.Review;

namespace OutputControl.Tests.Review;

public class ReviewTransitionsTests
{
    /// <summary>The expected table, written out: (from, to) and the one actor that may make the change.</summary>
    private static readonly Dictionary<(ReviewStatus, ReviewStatus), ReviewActor> Expected = new()
    {
        [(ReviewStatus.Draft, ReviewStatus.Submitted)] = ReviewActor.Author,
        [(ReviewStatus.Draft, ReviewStatus.Withdrawn)] = ReviewActor.Author,
        [(ReviewStatus.Submitted, ReviewStatus.PartiallyReviewed)] = ReviewActor.Checker,
        [(ReviewStatus.Submitted, ReviewStatus.Withdrawn)] = ReviewActor.Author,
        [(ReviewStatus.PartiallyReviewed, ReviewStatus.Reviewed)] = ReviewActor.Checker,
        [(ReviewStatus.PartiallyReviewed, ReviewStatus.Submitted)] = ReviewActor.Author,
        [(ReviewStatus.PartiallyReviewed, ReviewStatus.Withdrawn)] = ReviewActor.Author,
        [(ReviewStatus.Reviewed, ReviewStatus.Approved)] = ReviewActor.System,
        [(ReviewStatus.Reviewed, ReviewStatus.Returned)] = ReviewActor.System,
        [(ReviewStatus.Reviewed, ReviewStatus.Rejected)] = ReviewActor.System,
        [(ReviewStatus.Reviewed, ReviewStatus.Submitted)] = ReviewActor.Author,
        [(ReviewStatus.Reviewed, ReviewStatus.Withdrawn)] = ReviewActor.Author,
        [(ReviewStatus.Approved, ReviewStatus.Released)] = ReviewActor.System,
        [(ReviewStatus.Returned, ReviewStatus.Submitted)] = ReviewActor.Author,
        [(ReviewStatus.Returned, ReviewStatus.Withdrawn)] = ReviewActor.Author,
    };

    public static TheoryData<ReviewStatus, ReviewStatus, ReviewActor> EveryTransition()
    {
        var data = new TheoryData<ReviewStatus, ReviewStatus, ReviewActor>();
        foreach (var from in Enum.GetValues<ReviewStatus>())
        {
            foreach (var to in Enum.GetValues<ReviewStatus>())
            {
                foreach (var actor in Enum.GetValues<ReviewActor>())
                {
                    data.Add(from, to, actor);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTransition))]
    public void TransitionTo_EveryFromToActor_AllowedExactlyAsTheTableSays(ReviewStatus from, ReviewStatus to, ReviewActor actor)
    {
        var allowed = Expected.TryGetValue((from, to), out var who) && who == actor;

        if (allowed)
        {
            Assert.Equal(to, ReviewTransitions.TransitionTo(from, to, actor));
        }
        else
        {
            var e = Assert.Throws<InvalidStateTransitionException>(() => ReviewTransitions.TransitionTo(from, to, actor));
            Assert.Contains($"from {from} to {to}", e.Message, StringComparison.Ordinal);
            Assert.Equal((from, to), (e.From, e.To));
        }
    }

    [Fact]
    public void TransitionTo_NotInTable_SaysCannotChangeStatus()
    {
        var e = Assert.Throws<InvalidStateTransitionException>(
            () => ReviewTransitions.TransitionTo(ReviewStatus.Submitted, ReviewStatus.Released, ReviewActor.System));

        Assert.Equal("cannot change status from Submitted to Released", e.Message);
    }

    [Fact]
    public void Table_EveryStatus_HasARow()
    {
        Assert.Equal(Enum.GetValues<ReviewStatus>().Order(), ReviewTransitions.Table.Keys.Order());
    }

    [Theory]
    [InlineData(ReviewStatus.Released)]
    [InlineData(ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.Withdrawn)]
    public void IsFinal_TerminalStatuses_AreFinal(ReviewStatus status) => Assert.True(ReviewTransitions.IsFinal(status));
}
