namespace Workbench.Microdata.Ingest;

/// <summary>Why a record was quarantined.</summary>
/// <param name="Field">The raw column at fault, or <c>null</c> when the line as a whole is.</param>
/// <param name="Kind">The reason without values, for counting (<c>"fails 11-proof"</c>, <c>"unknown buurt"</c>).</param>
/// <param name="Detail">The reason with the offending value where it helps (<c>"unknown buurt 'BU99999999'"</c>).</param>
internal sealed record Rejection(string? Field, string Kind, string Detail)
{
    /// <summary>The count key in the report: <c>"bsn: fails 11-proof"</c>.</summary>
    public string CountKey => Field is null ? Kind : $"{Field}: {Kind}";

    /// <summary>The message in the quarantine file: <c>"buurtcode: unknown buurt 'BU99999999'"</c>.</summary>
    public string Message => Field is null ? Detail : $"{Field}: {Detail}";
}
