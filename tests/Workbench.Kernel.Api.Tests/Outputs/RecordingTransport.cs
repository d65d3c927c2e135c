using System.Text.Json;
using System.Text.Json.Serialization;
using OutputControl.Review;
using Workbench.Api;

namespace Workbench.Kernel.Api.Tests.Outputs;

/// <summary>A transport that keeps what it was handed and answers as the server does for a created output.</summary>
internal sealed class RecordingTransport(string id = "O-2026-0042") : IOutputTransport
{
    // As the server writes its answers: web defaults, enums by name.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    public List<string> Bodies { get; } = [];

    public Task<string> SubmitAsync(string bodyJson, CancellationToken cancellationToken)
    {
        Bodies.Add(bodyJson);
        return Task.FromResult(JsonSerializer.Serialize(new { id, projectId = "P-2026-0007", status = ReviewStatus.Submitted, verdict = "Protected" }, Options));
    }
}
