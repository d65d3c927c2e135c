using OutputControl.Tables;

namespace OutputControl.Requests;

/// <summary>Validates a table built in code the same way the parser validates a request document.</summary>
public static class TableValidator
{
    /// <summary>Throws <see cref="InvalidRequestException"/> for the first problem; <paramref name="prefix"/> goes
    /// before every field path (empty for the request's own output).</summary>
    public static void Validate(TableOutput table, string prefix = "") => TableGrid.Build(table, prefix);
}
