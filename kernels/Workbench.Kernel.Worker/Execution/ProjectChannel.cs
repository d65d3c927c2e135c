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
    private static readonly ProjectChannel Instance = new();
    private static int installed;
    private volatile Target? route;

    private sealed record Target(IProjectServices Services, CancellationToken CancellationToken);

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) != 0) return;
        ProjectData.Source = Instance;
        Output.Transport = Instance;
    }

    public static void Route(IProjectServices? services, CancellationToken cancellationToken) =>
        Instance.route = services is null ? null : new Target(services, cancellationToken);

    public async Task<string> ViewPathAsync(CancellationToken cancellationToken)
    {
        var target = route ?? throw new ProjectAccessException("the project can be opened only while a cell runs, from that cell");
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, target.CancellationToken);
        return await target.Services.OpenProjectAsync(both.Token);
    }

    public async Task<string> SubmitAsync(string bodyJson, CancellationToken cancellationToken)
    {
        var target = route ?? throw new OutputSubmissionException("outputs can be submitted only while a cell runs, from that cell");
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, target.CancellationToken);
        return await target.Services.SubmitOutputAsync(bodyJson, both.Token);
    }
}
