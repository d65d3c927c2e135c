using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Api;

/// <summary>
/// The body of <c>POST /api/projects/{id}/outputs</c>, mirroring the server's <c>OutputSubmission</c>:
/// <c>{ request, title, description, justification, submit }</c>, with <c>request</c> the output-control request
/// (<c>previous</c> empty). Checked here the way the server checks it, so a bad body fails before it is sent.
/// </summary>
public sealed record OutputSubmissionBody(
    [property: JsonPropertyName("request")] JsonElement Request,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("justification")] string Justification,
    [property: JsonPropertyName("submit")] bool Submit = true)
{
    /// <summary>The server's limit on titles.</summary>
    public const int MaxTitle = 200;

    /// <summary>Builds the body; throws <see cref="ArgumentException"/> naming the field the server would refuse.</summary>
    public static OutputSubmissionBody Create(string requestJson, string title, string description, string justification, bool submit = true)
    {
        ArgumentNullException.ThrowIfNull(requestJson);
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle)
        {
            throw new ArgumentException($"give a title of 1 to {MaxTitle} characters", nameof(title));
        }
        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length < 10)
        {
            throw new ArgumentException("describe in at least 10 characters how the output was made", nameof(description));
        }
        if (string.IsNullOrWhiteSpace(justification))
        {
            throw new ArgumentException("justify anything unusual for the checkers, or say that nothing is", nameof(justification));
        }
        using var request = JsonDocument.Parse(requestJson);
        return new OutputSubmissionBody(request.RootElement.Clone(), title.Trim(), description.Trim(), justification.Trim(), submit);
    }

    /// <summary>The body as the server reads it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);
}
