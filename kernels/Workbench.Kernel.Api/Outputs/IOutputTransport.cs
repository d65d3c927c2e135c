namespace Workbench.Api;

/// <summary>
/// The kernel's only egress: hands a submission body (<see cref="OutputSubmissionBody"/> as JSON) to the worker's
/// front, which posts it to <c>POST /api/projects/{id}/outputs</c> with the user's project-scoped token.
/// </summary>
public interface IOutputTransport
{
    /// <summary>Sends the body; returns the server's answer to a created output (the output as JSON).</summary>
    /// <exception cref="OutputSubmissionException">When the server refused it, with the server's reason.</exception>
    Task<string> SubmitAsync(string bodyJson, CancellationToken cancellationToken);
}
