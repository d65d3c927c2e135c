using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Front.Project;

/// <summary>
/// What the front does for a cell that opens the project or submits an output: the worker cannot reach the server (it
/// has no network), so the front does it with the user's project token, which the worker never sees.
/// </summary>
internal interface IProjectAccess : IDisposable
{
    /// <summary>The host path of an up-to-date copy of the project's view (read-only, owner-written).</summary>
    /// <remarks>The cell's output, <paramref name="prompt"/>, shows a sign-in prompt when one is needed.</remarks>
    /// <exception cref="ProjectAccessRefusedException">With the reason for the user.</exception>
    Task<string> OpenViewAsync(IExecutionSink prompt, CancellationToken cancellationToken);

    /// <summary>Posts a submission body; returns the server's answer (the created output as JSON).</summary>
    /// <exception cref="ProjectAccessRefusedException">With the server's reason.</exception>
    Task<string> SubmitAsync(string body, IExecutionSink prompt, CancellationToken cancellationToken);
}

/// <summary>The project or the server refused, or cannot be reached; the message is for the user.</summary>
internal sealed class ProjectAccessRefusedException(string message) : Exception(message);

/// <summary>A kernel without a project: it runs C#, but opens no data and submits nothing, and says why.</summary>
internal sealed class UnboundProject(string reason) : IProjectAccess
{
    public Task<string> OpenViewAsync(IExecutionSink prompt, CancellationToken cancellationToken) => throw new ProjectAccessRefusedException(reason);

    public Task<string> SubmitAsync(string body, IExecutionSink prompt, CancellationToken cancellationToken) => throw new ProjectAccessRefusedException(reason);

    public void Dispose()
    {
    }
}
