using System.Globalization;
using Microsoft.Data.Analysis;
using OutputControl.Noise;
using OutputControl.Requests;

namespace Workbench.Api;

/// <summary>
/// Builds a table output for output control from microdata: one row per record, grouped by dimension columns; per cell
/// the number of records (count tables) or the sum of a value column (sum tables), the number of distinct units (by a
/// unit-id column: persons, companies) and, for sums, each unit's contribution — plus the margins. The result is the
/// request of the output-control contract, checked locally by <see cref="Preview"/> and sent by <see cref="SubmitAsync"/>.
/// </summary>
/// <example><code>
/// var table = Output.Table(persons).By("gemeente").By("sex").CountUnits("person_id");
/// table.Preview()                                           // the protected table, inline
/// await table.SubmitAsync("Persons by municipality and sex", "Count of persons in persons, 2025", "Nothing unusual");
/// </code></example>
public sealed class TableBuilder
{
    private readonly List<DimensionSpec> _dimensions = [];
    private readonly Func<IReadOnlyList<string>, string, string?, IEnumerable<SourceRow>> _rows;
    private Measure? _measure;
    private string? _unitColumn;
    private string? _valueColumn;
    private CellKeyPolicy? _cellKey;
    private TableRequest? _built;

    internal TableBuilder(Func<IReadOnlyList<string>, string, string?, IEnumerable<SourceRow>> rows) => _rows = rows;

    // Set for a table of counts computed elsewhere (one row per cell): no microdata, so no margins.
    private DataFrame? _counted;
    private string? _countedUnits;

    internal static TableBuilder FromCounts(DataFrame frame, string valueColumn, string unitsColumn)
    {
        var builder = new TableBuilder((_, _, _) => []);
        builder.Measure(OutputControl.Requests.Measure.Count, unitsColumn, valueColumn);
        builder._counted = frame;
        builder._countedUnits = unitsColumn;
        return builder;
    }

    /// <summary>
    /// Adds a dimension: the column's values are the categories (sorted; numerically when all are whole numbers) unless
    /// <paramref name="categories"/> names them (then other values are an error and missing ones are structural zeros).
    /// With a <paramref name="hierarchy"/>, those categories are the finest level and every ancestor above them is a
    /// subtotal (a wijk column with <see cref="ProjectData.Areas"/> gives wijken, their gemeenten, then the total),
    /// each computed from the records: distinct units at that level, never a sum of its children's units.
    /// </summary>
    /// <param name="column">The column holding the category of each record.</param>
    /// <param name="total">The label of the marginal total, or <c>null</c> for no margin over this dimension.</param>
    /// <param name="categories">The categories in their published order, or <c>null</c> to take them from the data.</param>
    /// <param name="hierarchy">The levels above the column's codes (<see cref="Hierarchies"/>), or <c>null</c> for none.</param>
    public TableBuilder By(string column, string? total = "Totaal", IReadOnlyList<string>? categories = null, CategoryHierarchy? hierarchy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        if (_dimensions.Count == 4) throw new ArgumentException("a table has at most 4 dimensions", nameof(column));
        if (_dimensions.Any(d => d.Column == column)) throw new ArgumentException($"dimension '{column}' is already in the table", nameof(column));
        _dimensions.Add(new DimensionSpec(column, total, categories, hierarchy));
        _built = null;
        return this;
    }

    /// <summary>A count table: each cell's value is its number of records, its units the distinct values of <paramref name="unitColumn"/>.</summary>
    public TableBuilder Count(string unitColumn) => Measure(OutputControl.Requests.Measure.Count, unitColumn, null);

    /// <summary>
    /// A sum table: each cell's value is the sum of <paramref name="valueColumn"/>, its units the distinct values of
    /// <paramref name="unitColumn"/>, and each unit's contribution the sum of its records (for the dominance and p% rules).
    /// </summary>
    public TableBuilder Sum(string valueColumn, string unitColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(valueColumn);
        return Measure(OutputControl.Requests.Measure.Sum, unitColumn, valueColumn);
    }

    private TableBuilder Measure(Measure measure, string unitColumn, string? valueColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitColumn);
        if (_counted is not null) throw new InvalidOperationException("a table of counts computed elsewhere already says what its cells hold");
        _measure = measure;
        _unitColumn = unitColumn;
        _valueColumn = valueColumn;
        _built = null;
        return this;
    }

    /// <summary>
    /// Publishes the count table with cell-key noise instead of suppression and rounding, for a recurring public table
    /// (the server must have it enabled, with these parameters or less): every cell, margins included, gets noise of at
    /// most <paramref name="maxNoise"/> drawn by its cell key, the fractional part of the sum of the record keys
    /// (SHA-256 of the unit id) of its distinct units, so the same units give the same noise in every release.
    /// </summary>
    /// <param name="maxNoise">D, the largest noise (1 to 100).</param>
    /// <param name="variance">V, the noise variance (0 &lt; V ≤ D²).</param>
    /// <exception cref="ArgumentException">When D or V is out of range.</exception>
    public TableBuilder WithCellKeyNoise(int maxNoise, decimal variance)
    {
        try
        {
            _cellKey = new CellKeyPolicy(maxNoise, variance);
        }
        catch (InvalidRequestException e)
        {
            throw new ArgumentException(e.Message, e.Field.EndsWith("maxNoise", StringComparison.Ordinal) ? nameof(maxNoise) : nameof(variance), e);
        }

        _built = null;
        return this;
    }

    /// <summary>The output-control request (contract v1, <c>previous</c> empty, the server's default policy, or only
    /// <c>cellKey</c> after <see cref="WithCellKeyNoise"/>).</summary>
    /// <exception cref="InvalidOperationException">When no dimension or no measure was given.</exception>
    /// <exception cref="ArgumentException">For missing values or negative contributions in the microdata.</exception>
    public TableRequest Build() => _built ??= Compute();

    /// <summary>Runs the output-control check here, with the same library and rules as the server, and shows the result.</summary>
    public OutputPreview Preview() => Build().Preview();

    /// <summary>Submits the table for review through the kernel's output channel (see <see cref="Output.Transport"/>).</summary>
    public Task<SubmittedOutput> SubmitAsync(string title, string description, string justification, CancellationToken cancellationToken = default) =>
        Build().SubmitAsync(title, description, justification, cancellationToken);

    private TableRequest Compute()
    {
        if (_dimensions.Count == 0) throw new InvalidOperationException("add at least one dimension with By(column)");
        if (_counted is not null)
        {
            if (_cellKey is not null)
            {
                throw new InvalidOperationException("cell-key noise needs each cell's units (their ids give the cell keys): build the table from the microdata with Count(unitColumn)");
            }
            return CountedTable(_counted, _valueColumn!, _countedUnits!);
        }
        if (_measure is not { } measure || _unitColumn is null)
        {
            throw new InvalidOperationException("say what the cells hold: Count(unitColumn) or Sum(valueColumn, unitColumn)");
        }
        if (_cellKey is not null && measure != OutputControl.Requests.Measure.Count)
        {
            throw new InvalidOperationException("cell-key noise applies to count tables; a sum table is protected by suppression: leave out WithCellKeyNoise");
        }
        var columns = _dimensions.Select(d => d.Column).ToList();
        var rows = _rows(columns, _unitColumn, _valueColumn).ToList();
        var dimensions = Dimensions(rows);
        var cells = CellAggregator.Aggregate(dimensions, rows, measure, cellKeys: _cellKey is not null);
        return new TableRequest(new TableOutput(measure, dimensions, cells), _cellKey);
    }

    private List<Dimension> Dimensions(List<SourceRow> rows)
    {
        var dimensions = new List<Dimension>();
        for (var d = 0; d < _dimensions.Count; d++)
        {
            var spec = _dimensions[d];
            var seen = rows.Select(r => r.Labels[d]).Distinct(StringComparer.Ordinal).ToList();
            IReadOnlyList<string> categories;
            if (spec.Categories is { } given)
            {
                var unknown = seen.FirstOrDefault(s => !given.Contains(s));
                if (unknown is not null)
                {
                    throw new ArgumentException($"column '{spec.Column}' holds '{unknown}', which is not among the categories given ({string.Join(", ", given)})");
                }
                categories = given;
            }
            else
            {
                categories = seen.All(s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    ? [.. seen.OrderBy(s => long.Parse(s, CultureInfo.InvariantCulture))]
                    : [.. seen.Order(StringComparer.Ordinal)];
            }
            IReadOnlyDictionary<string, string>? parents = null;
            if (spec.Hierarchy is { } hierarchy) (categories, parents) = HierarchicalCategories.Extend(spec.Column, categories, hierarchy);
            if (spec.Total is { } total && categories.Contains(total))
            {
                throw new ArgumentException($"column '{spec.Column}' has a category '{total}', the label of its total: choose another total label");
            }
            dimensions.Add(new Dimension(spec.Column, categories, spec.Total, parents));
        }
        return dimensions;
    }

    private TableRequest CountedTable(DataFrame frame, string valueColumn, string unitsColumn)
    {
        var withTotal = _dimensions.FirstOrDefault(d => d.Total is not null || d.Hierarchy is not null);
        if (withTotal is not null)
        {
            throw new ArgumentException(
                $"a table of counts computed elsewhere has no margins or subtotals (a unit may be in several rows): use By(\"{withTotal.Column}\", total: null) without a hierarchy");
        }
        // Read as records whose "unit" is the count and whose "value" is the number of units.
        var rows = FromFrame(frame, [.. _dimensions.Select(d => d.Column)], valueColumn, unitsColumn).ToList();
        var dimensions = Dimensions(rows);
        var cells = new List<CellInput>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if (!seen.Add(string.Join('\u001f', rows[r].Labels)))
            {
                throw new ArgumentException($"cell {KeyFormat.Format(rows[r].Labels)} appears in more than one row (row {r})");
            }
            var value = Number(rows[r].Unit, valueColumn, r);
            var count = rows[r].Value;
            if (value != decimal.Truncate(value) || value < 0 || count != decimal.Truncate(count) || count < 0 || count > value)
            {
                throw new ArgumentException(
                    $"row {r}: '{valueColumn}' = {KeyFormat.Format(value)} and '{unitsColumn}' = {KeyFormat.Format(count)} must be whole numbers ≥ 0 with units ≤ value");
            }
            cells.Add(new CellInput(rows[r].Labels, value, (long)count, null));
        }
        return new TableRequest(new TableOutput(OutputControl.Requests.Measure.Count, dimensions, cells));
    }

    private sealed record DimensionSpec(string Column, string? Total, IReadOnlyList<string>? Categories, CategoryHierarchy? Hierarchy);

    /// <summary>One record (or a group of records of one unit): its labels, unit, number of records and summed value.</summary>
    internal sealed record SourceRow(string[] Labels, string Unit, long Records, decimal Value);

    internal static string Label(object? value, string column, long row) => value switch
    {
        null => throw new ArgumentException($"column '{column}' is empty in row {row}: filter or fill missing values first"),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static decimal Number(object? value, string column, long row) => value switch
    {
        null => throw new ArgumentException($"column '{column}' is empty in row {row}: filter or fill missing values first"),
        double d when !double.IsFinite(d) => throw new ArgumentException($"column '{column}' is {d} in row {row}: not a finite number"),
        float f when !float.IsFinite(f) => throw new ArgumentException($"column '{column}' is {f} in row {row}: not a finite number"),
        bool => throw new ArgumentException($"column '{column}' is true/false, not a number"),
        IConvertible c => c.ToDecimal(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"column '{column}' holds {value.GetType().Name}, not a number"),
    };

    internal static IEnumerable<SourceRow> FromFrame(DataFrame frame, IReadOnlyList<string> dimensions, string unit, string? value)
    {
        DataFrameColumn Get(string name) =>
            frame.Columns.FirstOrDefault(c => c.Name == name)
            ?? throw new ArgumentException($"the data has no column '{name}' (columns: {string.Join(", ", frame.Columns.Select(c => c.Name))})");
        var dims = dimensions.Select(Get).ToArray();
        var unitColumn = Get(unit);
        var valueColumn = value is null ? null : Get(value);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var labels = new string[dims.Length];
            for (var d = 0; d < dims.Length; d++) labels[d] = Label(dims[d][r], dims[d].Name, r);
            yield return new SourceRow(labels, Label(unitColumn[r], unit, r), 1,
                valueColumn is null ? 0m : Number(valueColumn[r], valueColumn.Name, r));
        }
    }
}
