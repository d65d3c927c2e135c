using System.Globalization;
using System.Text;
using Workbench.Audit;

namespace Workbench.Server.Audit;

/// <summary>Audit entries as CSV (RFC 4180) for auditors' spreadsheets.</summary>
public static class AuditExport
{
    public static string ToCsv(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder("sequence,occurred_at,actor,action,subject,details,previous_hash,hash\r\n");
        foreach (var e in entries)
        {
            csv.Append(e.Sequence.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.OccurredAt.ToString("O", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(e.Actor)).Append(',').Append(Field(e.Action)).Append(',').Append(Field(e.Subject)).Append(',')
                .Append(Field(e.Details)).Append(',').Append(e.PreviousHash).Append(',').Append(e.Hash).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Quotes every text field, and defuses text a spreadsheet would run as a formula.</summary>
    internal static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
