using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workbench.RedTeam.Tests.Infrastructure;

/// <summary>What every refused attempt must look like: the status, a ProblemDetails with the reason, an audit entry.</summary>
public static class Refusals
{
    /// <summary>Asserts the status and a ProblemDetails whose detail carries <paramref name="reason"/>; returns the detail.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        Assert.True(detail.Contains(reason, StringComparison.OrdinalIgnoreCase), $"the reason '{detail}' does not say '{reason}'");
        return detail;
    }

    /// <summary>The newest audit sequence number, to look for what an attempt added after it.</summary>
    public static async Task<long> AuditHeadAsync(HttpClient auditor)
    {
        var entries = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/entries?take=1", RunningWorkbench.Json);
        return entries.GetArrayLength() == 0 ? 0 : entries[0].GetProperty("sequence").GetInt64();
    }

    /// <summary>The audit entries with <paramref name="action"/> by <paramref name="actor"/> written after <paramref name="after"/>.</summary>
    public static async Task<IReadOnlyList<JsonElement>> AuditedSinceAsync(HttpClient auditor, long after, string action, string actor)
    {
        var entries = await auditor.GetFromJsonAsync<JsonElement>(
            $"/api/audit/entries?action={Uri.EscapeDataString(action)}&actor={Uri.EscapeDataString(actor)}&take=200", RunningWorkbench.Json);
        return [.. entries.EnumerateArray().Where(e => e.GetProperty("sequence").GetInt64() > after)];
    }

    /// <summary>Asserts that the attempt left exactly what it should in the audit log: at least one such entry.</summary>
    public static async Task AssertAuditedAsync(HttpClient auditor, long after, string action, string actor, string? detail = null)
    {
        var entries = await AuditedSinceAsync(auditor, after, action, actor);
        Assert.True(entries.Count > 0, $"no '{action}' entry by {actor} after #{after}");
        if (detail is not null)
            Assert.Contains(entries, e => e.GetProperty("details").GetString()!.Contains(detail, StringComparison.OrdinalIgnoreCase));
    }
}
