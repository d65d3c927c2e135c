namespace Workbench.Server.Errors;

/// <summary>
/// A refusal with its reason. The server's rules throw these; only the edge (<see cref="DomainExceptionHandler"/>,
/// or a page showing the message) turns them into a response.
/// </summary>
public abstract class DomainException(string message) : Exception(message)
{
    /// <summary>The HTTP status this refusal becomes at the edge.</summary>
    public abstract int StatusCode { get; }

    /// <summary>A short title for the ProblemDetails.</summary>
    public abstract string Title { get; }
}

/// <summary>The request breaks a rule; <see cref="Errors"/> says which field and why.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public override int StatusCode => StatusCodes.Status400BadRequest;

    public override string Title => "The request breaks a rule";

    public static ValidationFailedException For(string field, string error) => new(new Dictionary<string, string[]> { [field] = [error] });
}

/// <summary>The caller is known but may not do this.</summary>
public sealed class AccessDeniedException(string message) : DomainException(message)
{
    public override int StatusCode => StatusCodes.Status403Forbidden;

    public override string Title => "Access denied";
}

/// <summary>The thing asked for does not exist (or the caller may not know it exists).</summary>
public sealed class NotFoundException(string message) : DomainException(message)
{
    public override int StatusCode => StatusCodes.Status404NotFound;

    public override string Title => "Not found";
}

/// <summary>The change conflicts with the current state, such as an edit based on an old version.</summary>
public sealed class ConflictException(string message) : DomainException(message)
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public override string Title => "Conflict";
}

/// <summary>The server cannot do this now for a reason on its side, such as an analytical store that is not in place.</summary>
public sealed class UnavailableException(string message) : DomainException(message)
{
    public override int StatusCode => StatusCodes.Status503ServiceUnavailable;

    public override string Title => "Not available";
}
