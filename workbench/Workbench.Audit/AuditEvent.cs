using System.Text.Json;

namespace Workbench.Audit;

/// <summary>What a change asks the audit log to record; the log adds sequence, time and hashes.</summary>
public sealed record AuditEvent
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    public AuditEvent(string actor, string action, string subject, string details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(details);
        using (var document = JsonDocument.Parse(details))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("audit details must be a JSON object", nameof(details));
            }
        }
        (Actor, Action, Subject, Details) = (actor, action, subject, details);
    }

    public string Actor { get; }

    public string Action { get; }

    public string Subject { get; }

    /// <summary>A JSON object.</summary>
    public string Details { get; }

    /// <summary>An event whose details are <paramref name="details"/> serialised as JSON (camelCase).</summary>
    public static AuditEvent Create<T>(string actor, string action, string subject, T details) =>
        new(actor, action, subject, JsonSerializer.Serialize(details, DetailsJson));
}
