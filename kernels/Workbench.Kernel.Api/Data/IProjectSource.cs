namespace Workbench.Api;

/// <summary>
/// Where the kernel's project view comes from: the worker asks its front, which signs the user in for the project (on
/// first use), fetches the view the server built from the project's allowlist and mounts it read-only into the sandbox.
/// </summary>
public interface IProjectSource
{
    /// <summary>The path of the project's view inside the sandbox, up to date with the project's allowlist.</summary>
    /// <exception cref="ProjectAccessException">When the project cannot be reached (not signed in, no access, retention over).</exception>
    Task<string> ViewPathAsync(CancellationToken cancellationToken);
}

/// <summary>The kernel could not open its project: the reason, as the front or the server gave it.</summary>
public sealed class ProjectAccessException : Exception
{
    public ProjectAccessException()
    {
    }

    public ProjectAccessException(string message)
        : base(message)
    {
    }

    public ProjectAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
