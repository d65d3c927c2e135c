namespace OutputControl.Requests;

/// <summary>
/// A request that cannot be evaluated: names the offending <see cref="Field"/> (a JSON path such as
/// <c>cells[3].key</c>) and the <see cref="Problem"/>. Nothing is ever published from such a request.
/// </summary>
public sealed class InvalidRequestException : Exception
{
    /// <summary>Creates the exception for one field and its problem.</summary>
    public InvalidRequestException(string field, string problem)
        : base(string.IsNullOrEmpty(field) ? problem : $"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with an empty field (for serializers and tooling).</summary>
    public InvalidRequestException()
        : this(string.Empty, "invalid request")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidRequestException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Problem = message;
    }

    /// <summary>The JSON path of the offending field, e.g. <c>cells[3].key</c>; empty for the whole document.</summary>
    public string Field { get; }

    /// <summary>What is wrong with the field.</summary>
    public string Problem { get; }
}
