namespace OutputControl.Review;

/// <summary>Someone may not do this to this output request; the message says why.</summary>
public sealed class ReviewPermissionException : Exception
{
    /// <summary>Creates the exception with the reason.</summary>
    public ReviewPermissionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic reason (for serializers and tooling).</summary>
    public ReviewPermissionException()
        : base("not allowed")
    {
    }

    /// <summary>Creates the exception with a reason and the cause.</summary>
    public ReviewPermissionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
