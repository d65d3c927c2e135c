using Microsoft.Data.Analysis;

namespace Workbench.Api;

/// <summary>
/// Where outputs start: table builders over microdata, and the one channel through which anything leaves the kernel
/// (<see cref="Transport"/>, set by the kernel's worker at start-up).
/// </summary>
/// <example><code>
/// var table = Output.Table(data.Sql("SELECT gemeente, person_id FROM persons")).By("gemeente").Count("person_id");
/// var big = Output.Table(data, "SELECT gemeente, sex, person_id FROM persons").By("gemeente").By("sex").Count("person_id");
/// </code></example>
public static class Output
{
    private static IOutputTransport? s_transport;

    /// <summary>
    /// The kernel's output channel to its front (which posts to the server as the signed-in user). Set once by the worker
    /// at start-up; <c>null</c> where outputs cannot be submitted (then <see cref="SubmitAsync"/> says so).
    /// </summary>
    public static IOutputTransport? Transport
    {
        get => Volatile.Read(ref s_transport);
        set => Volatile.Write(ref s_transport, value);
    }

    /// <summary>A table over the records of <paramref name="frame"/> (one row per record).</summary>
    public static TableBuilder Table(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new TableBuilder((dims, unit, value) => TableBuilder.FromFrame(frame, dims, unit, value));
    }

    /// <summary>
    /// A table over the records a query returns, aggregated in DuckDB first (one row per cell and unit reaches C#), so
    /// national-scale tables do not need the records in memory.
    /// </summary>
    public static TableBuilder Table(ProjectData data, string sql)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return new TableBuilder((dims, unit, value) =>
        {
            var groups = string.Join(", ", [.. dims.Select(ProjectData.Quote), ProjectData.Quote(unit)]);
            var sum = value is null ? "0" : $"sum({ProjectData.Quote(value)})";
            var nulls = value is null ? string.Empty : $", count({ProjectData.Quote(value)})";
            var frame = data.Sql($"SELECT {groups}, count(*) AS _records, {sum} AS _value{nulls} FROM ({sql.Trim().TrimEnd(';')}) AS _source GROUP BY {groups}");
            return Grouped(frame, dims, unit, value);
        });
    }

    private static IEnumerable<TableBuilder.SourceRow> Grouped(DataFrame frame, IReadOnlyList<string> dims, string unit, string? value)
    {
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var labels = new string[dims.Count];
            for (var d = 0; d < dims.Count; d++) labels[d] = TableBuilder.Label(frame.Columns[d][r], dims[d], r);
            var records = Convert.ToInt64(frame.Columns[dims.Count + 1][r], System.Globalization.CultureInfo.InvariantCulture);
            if (value is not null && Convert.ToInt64(frame.Columns[dims.Count + 3][r], System.Globalization.CultureInfo.InvariantCulture) != records)
            {
                throw new ArgumentException($"column '{value}' is empty in some records: filter or fill missing values first");
            }
            yield return new TableBuilder.SourceRow(labels, TableBuilder.Label(frame.Columns[dims.Count][r], unit, r), records,
                value is null ? 0m : TableBuilder.Number(frame.Columns[dims.Count + 2][r], value, r));
        }
    }

    /// <summary>
    /// A count table from counts computed elsewhere, one row per cell: such as the network library's prevalence
    /// comparison, whose rows carry the number of distinct egos behind each count. Without microdata there are no
    /// margins, so every dimension needs <c>total: null</c>.
    /// </summary>
    /// <param name="frame">One row per cell.</param>
    /// <param name="valueColumn">The published count.</param>
    /// <param name="unitsColumn">The distinct units (egos, persons) behind it.</param>
    /// <example><code>
    /// var comparison = study.Comparison;   // YouthNetworkStudy / PrevalenceComparison.Compare
    /// Output.Counts(comparison, "case_egos_with_factor", "case_egos_with_factor")
    ///       .By("layer", total: null).By("hops", total: null).By("factor", total: null).Preview()
    /// </code></example>
    public static TableBuilder Counts(DataFrame frame, string valueColumn, string unitsColumn)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentException.ThrowIfNullOrWhiteSpace(valueColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitsColumn);
        return TableBuilder.FromCounts(frame, valueColumn, unitsColumn);
    }

    internal static async Task<SubmittedOutput> SubmitAsync(
        IOutputTransport? transport, string requestJson, string title, string description, string justification, CancellationToken cancellationToken)
    {
        var body = OutputSubmissionBody.Create(requestJson, title, description, justification);
        transport ??= Transport ?? throw new InvalidOperationException(
            "this kernel has no output channel: outputs can be submitted only from a Workbench kernel of a project");
        var answer = await transport.SubmitAsync(body.ToJson(), cancellationToken).ConfigureAwait(false);
        return SubmittedOutput.FromServerResponse(answer);
    }
}
