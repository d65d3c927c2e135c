namespace OutputControl.Review;

/// <summary>A vote or a release for content that is no longer the output's content (its hash differs).</summary>
public sealed class StaleContentException : Exception
{
    /// <summary>Creates the exception with the reason.</summary>
    public StaleContentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic reason (for serializers and tooling).</summary>
    public StaleContentException()
        : base("the content changed")
    {
    }

    /// <summary>Creates the exception with a reason and the cause.</summary>
    public StaleContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
