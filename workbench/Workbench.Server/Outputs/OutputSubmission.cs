using System.Text.Json;
using Workbench.Server.Errors;

namespace Workbench.Server.Outputs;

/// <summary>
/// The body of a submission or a change: the output-control request of the contract (with <c>previous</c> empty:
/// the server fills it from the project's release history), a title, how the output was made, and the author's
/// justification for anything unusual. <see cref="Submit"/> false keeps a new output as a draft.
/// </summary>
public sealed record OutputSubmission(JsonElement Request, string? Title, string? Description, string? Justification, bool? Submit = null)
{
    public const int MaxTitle = 200;

    /// <summary>Throws <see cref="ValidationFailedException"/> listing every missing or malformed field.</summary>
    public void Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Request.ValueKind != JsonValueKind.Object)
        {
            errors["request"] = ["send the output-control request (contract v1) as a JSON object"];
        }
        else if (Request.TryGetProperty("previous", out var previous) && previous.ValueKind == JsonValueKind.Array && previous.GetArrayLength() > 0)
        {
            errors["request.previous"] = ["leave it empty: the server compares the output with the project's own release history"];
        }
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > MaxTitle)
        {
            errors["title"] = [$"give a title of 1 to {MaxTitle} characters"];
        }
        if (string.IsNullOrWhiteSpace(Description) || Description.Trim().Length < 10)
        {
            errors["description"] = ["describe in at least 10 characters how the output was made"];
        }
        if (string.IsNullOrWhiteSpace(Justification))
        {
            errors["justification"] = ["justify anything unusual for the checkers, or say that nothing is"];
        }
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
