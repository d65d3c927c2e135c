using Workbench.Api;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>What a cell can ask of its front beyond output and input: the project's view, and submitting an output.</summary>
public interface IProjectServices
{
    /// <summary>The view's path inside the sandbox; throws <see cref="ProjectAccessException"/> with the front's reason.</summary>
    Task<string> OpenProjectAsync(CancellationToken cancellationToken);

    /// <summary>The server's answer to a created output; throws <see cref="OutputSubmissionException"/> with its reason.</summary>
    Task<string> SubmitOutputAsync(string body, CancellationToken cancellationToken);
}

/// <summary>
/// The Workbench API's way out of the session (<see cref="ProjectData.Source"/>, <see cref="Output.Transport"/>):
/// routed, like <c>Console.In</c>, to the cell that is running, so that a sign-in prompt appears under that cell and an
/// interrupt ends the wait. Outside a cell there is no way out.
/// </summary>
internal sealed class ProjectChannel : IProjectSource, IOutputTransport
{
    public async Task<string> ViewPathAsync(CancellationToken cancellationToken)
    {
        var (services, interrupt) = Services() ?? throw new ProjectAccessException("the project can be opened only while a cell runs, from that cell");
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt);
        return await services.OpenProjectAsync(both.Token);
    }

    public async Task<string> SubmitAsync(string bodyJson, CancellationToken cancellationToken)
    {
        var (services, interrupt) = Services() ?? throw new OutputSubmissionException("outputs can be submitted only while a cell runs, from that cell");
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt);
        return await services.SubmitOutputAsync(bodyJson, both.Token);
    }

    private static (IProjectServices, CancellationToken)? Services() =>
        RunningCell.Current is { Sink: IProjectServices services } cell ? (services, cell.Interrupt) : null;
}
