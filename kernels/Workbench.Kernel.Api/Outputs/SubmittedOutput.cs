using System.Text.Json;

namespace Workbench.Api;

/// <summary>What the server answered to a submission: the output's id (such as <c>O-2026-0001</c>), its review status
/// (<c>Submitted</c>, or <c>Draft</c>) and the verdict of its own check.</summary>
public sealed record SubmittedOutput(string Id, string Status, string Verdict)
{
    /// <summary>Reads the server's <c>201 Created</c> body (its <c>OutputResponse</c>).</summary>
    /// <exception cref="OutputSubmissionException">When the answer is not an output.</exception>
    public static SubmittedOutput FromServerResponse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new SubmittedOutput(Text(root, "id"), Text(root, "status"), Text(root, "verdict"));
        }
        catch (JsonException e)
        {
            throw new OutputSubmissionException($"the server's answer is not JSON: {e.Message}", e);
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new OutputSubmissionException($"the server's answer has no '{name}'");
}
