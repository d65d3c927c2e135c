using OutputControl.Requests;

namespace OutputControl.Tables;

/// <summary>
/// A table laid out as a dense grid over the extended index of every dimension: categories 0..n−1 and, when the
/// dimension has a margin, the total at index n. A hierarchical dimension's subtotals are categories with children;
/// the total's children are the categories without a parent. A coordinate with children is an aggregate, and a cell
/// with an aggregate coordinate is a margin. Absent inner cells are structural zeros. Building the grid validates the
/// table: keys, duplicates, values, units, contributions, the hierarchy and every margin relation.
/// </summary>
internal sealed class TableGrid
{
    private const long MaxCells = 50_000_000;

    private TableGrid(TableOutput table, int[] inner, bool[] hasTotal, int[] size, int[] stride, int count, Hierarchy[] hierarchy)
    {
        Table = table;
        Hierarchy = hierarchy;
        Inner = inner;
        HasTotal = hasTotal;
        Size = size;
        Stride = stride;
        Count = count;
        Value = new decimal[count];
        Units = new long[count];
        Source = new int[count];
        Array.Fill(Source, -1);
        CellOf = new int[table.Cells.Count];
    }

    public TableOutput Table { get; }

    /// <summary>Per dimension, each index's parent and children.</summary>
    public Hierarchy[] Hierarchy { get; }

    /// <summary>Whether no dimension declares subtotals (one relation per line, as in a classic table).</summary>
    public bool IsFlat => Hierarchy.All(h => !h.HasSubtotals);

    public int Dimensions => Inner.Length;

    /// <summary>Number of categories per dimension (the total's index).</summary>
    public int[] Inner { get; }

    public bool[] HasTotal { get; }

    /// <summary>Extended size per dimension: categories plus one when there is a total.</summary>
    public int[] Size { get; }

    public int[] Stride { get; }

    public int Count { get; }

    public decimal[] Value { get; }

    public long[] Units { get; }

    /// <summary>The index of the request cell behind each grid cell, −1 for a structural zero.</summary>
    public int[] Source { get; }

    /// <summary>The grid cell of each request cell (the inverse of <see cref="Source"/>).</summary>
    public int[] CellOf { get; }

    public int Coord(int cell, int d) => cell / Stride[d] % Size[d];

    public int WithCoord(int cell, int d, int index) => cell + ((index - Coord(cell, d)) * Stride[d]);

    /// <summary>Whether the cell's coordinate on <paramref name="d"/> is the total or a subtotal.</summary>
    public bool IsAggregate(int cell, int d) => Hierarchy[d].IsAggregate(Coord(cell, d));

    public bool IsMargin(int cell)
    {
        for (var d = 0; d < Inner.Length; d++)
        {
            if (IsAggregate(cell, d))
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<decimal>? Contributions(int cell) => Source[cell] < 0 ? null : Table.Cells[Source[cell]].Contributions;

    public string[] Key(int cell)
    {
        var key = new string[Inner.Length];
        for (var d = 0; d < key.Length; d++)
        {
            var c = Coord(cell, d);
            var dim = Table.Dimensions[d];
            key[d] = c == Inner[d] ? dim.Total! : dim.Categories[c];
        }

        return key;
    }

    public string FormatKey(int cell) => KeyFormat.Format(Key(cell));

    /// <summary>Builds and validates the grid; <paramref name="prefix"/> goes before every field path.</summary>
    public static TableGrid Build(TableOutput table, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(table);
        var dims = table.Dimensions;
        ValidateDimensions(dims, prefix);
        var inner = dims.Select(d => d.Categories.Count).ToArray();
        var hasTotal = dims.Select(d => d.HasTotal).ToArray();
        var size = dims.Select(d => d.Categories.Count + (d.HasTotal ? 1 : 0)).ToArray();
        var stride = new int[dims.Count];
        long count = 1;
        for (var d = dims.Count - 1; d >= 0; d--)
        {
            stride[d] = (int)count;
            count *= size[d];
            if (count > MaxCells)
            {
                throw new InvalidRequestException(prefix + "dimensions", $"the table spans more than {MaxCells} cells");
            }
        }

        var hierarchy = dims.Select((d, k) => Tables.Hierarchy.Build(d, $"{prefix}dimensions[{k}]")).ToArray();
        var grid = new TableGrid(table, inner, hasTotal, size, stride, (int)count, hierarchy);
        for (var i = 0; i < table.Cells.Count; i++)
        {
            var cell = table.Cells[i];
            var field = $"{prefix}cells[{i}]";
            var index = grid.Locate(cell, field);
            if (grid.Source[index] >= 0)
            {
                throw new InvalidRequestException(
                    field + ".key", $"duplicate cell {KeyFormat.Format(cell.Key)} (also cells[{grid.Source[index]}])");
            }

            CellValidator.Validate(cell, table.Measure, field);
            grid.Source[index] = i;
            grid.CellOf[i] = index;
            grid.Value[index] = cell.Value;
            grid.Units[index] = cell.Units;
        }

        grid.ValidateMargins(prefix);
        return grid;
    }

    private static void ValidateDimensions(IReadOnlyList<Dimension> dims, string prefix)
    {
        if (dims.Count is < 1 or > 4)
        {
            throw new InvalidRequestException(prefix + "dimensions", $"a table has 1 to 4 dimensions, got {dims.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < dims.Count; d++)
        {
            var field = $"{prefix}dimensions[{d}]";
            if (string.IsNullOrEmpty(dims[d].Name))
            {
                throw new InvalidRequestException(field + ".name", "must not be empty");
            }

            if (!names.Add(dims[d].Name))
            {
                throw new InvalidRequestException(field + ".name", $"duplicate dimension '{dims[d].Name}'");
            }

            if (dims[d].Categories.Count == 0)
            {
                throw new InvalidRequestException(field + ".categories", "must not be empty");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in dims[d].Categories)
            {
                if (!seen.Add(c))
                {
                    throw new InvalidRequestException(field + ".categories", $"duplicate category '{c}'");
                }
            }

            if (dims[d].Total is { } t && seen.Contains(t))
            {
                throw new InvalidRequestException(field + ".total", $"'{t}' is also a category");
            }
        }
    }

    private int Locate(CellInput cell, string field)
    {
        if (cell.Key.Count != Inner.Length)
        {
            throw new InvalidRequestException(
                field + ".key", $"has {cell.Key.Count} labels but the table has {Inner.Length} dimensions");
        }

        var index = 0;
        for (var d = 0; d < Inner.Length; d++)
        {
            var c = Hierarchy[d].IndexOf(cell.Key[d]);
            if (c < 0)
            {
                throw new InvalidRequestException(
                    field + ".key", $"unknown category '{cell.Key[d]}' for dimension '{Table.Dimensions[d].Name}'");
            }

            index += c * Stride[d];
        }

        return index;
    }

    private void ValidateMargins(string prefix)
    {
        for (var cell = 0; cell < Count; cell++)
        {
            if (!IsMargin(cell))
            {
                continue;
            }

            if (Source[cell] < 0)
            {
                throw new InvalidRequestException(prefix + "cells", $"margin cell {FormatKey(cell)} is missing");
            }

            for (var d = 0; d < Inner.Length; d++)
            {
                if (!IsAggregate(cell, d))
                {
                    continue;
                }

                var sum = 0m;
                foreach (var child in Hierarchy[d].Children[Coord(cell, d)])
                {
                    sum += Value[WithCoord(cell, d, child)];
                }

                if (sum != Value[cell])
                {
                    throw new InvalidRequestException(
                        $"{prefix}cells[{Source[cell]}].value",
                        $"{MarginName(cell, d)} {FormatKey(cell)}={KeyFormat.Format(Value[cell])} but its cells sum to {KeyFormat.Format(sum)}");
                }
            }
        }
    }

    private string MarginName(int cell, int d)
    {
        if (Coord(cell, d) != Inner[d])
        {
            return $"subtotal '{Table.Dimensions[d].Categories[Coord(cell, d)]}' of '{Table.Dimensions[d].Name}'";
        }

        return Inner.Length switch
        {
            1 => "total",
            2 => d == 1 ? "row total" : "column total",
            _ => $"total over '{Table.Dimensions[d].Name}'",
        };
    }
}
