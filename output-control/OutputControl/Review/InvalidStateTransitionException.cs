namespace OutputControl.Review;

/// <summary>A status change the table does not allow, or not to this actor; the message names both states.</summary>
public sealed class InvalidStateTransitionException : Exception
{
    /// <summary>Creates the exception for the change from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public InvalidStateTransitionException(ReviewStatus from, ReviewStatus to, string message)
        : base(message)
    {
        From = from;
        To = to;
    }

    /// <summary>Creates the exception with a message only (for serializers and tooling).</summary>
    public InvalidStateTransitionException()
        : base("invalid status change")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidStateTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public InvalidStateTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The status the request was in.</summary>
    public ReviewStatus From { get; }

    /// <summary>The status it was asked to take.</summary>
    public ReviewStatus To { get; }
}
