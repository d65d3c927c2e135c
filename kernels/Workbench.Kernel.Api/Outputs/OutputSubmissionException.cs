namespace Workbench.Api;

/// <summary>The server refused a submission (invalid request, no access, retention over): its reason, verbatim.</summary>
public sealed class OutputSubmissionException : Exception
{
    public OutputSubmissionException()
    {
    }

    public OutputSubmissionException(string message)
        : base(message)
    {
    }

    public OutputSubmissionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
