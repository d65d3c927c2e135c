using System.Globalization;
using nietras.SeparatedValues;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Ingest;

/// <summary>
/// Applies each raw column's <see cref="ColumnRule"/> to one record: validates, pseudonymises, coarsens and checks
/// references. Generic over the schema; one instance per dataset and run. Valid records allocate nothing except
/// free text.
/// </summary>
internal sealed class RecordConverter
{
    private readonly RawColumn[] _columns;
    private readonly int[] _storedIndex;
    private readonly KeyKind[] _kinds;
    private readonly HashSet<string>?[] _categories;
    private readonly Dictionary<long, string?>?[] _references;
    private readonly Pseudonymiser _pseudonymiser;
    private readonly AreaSet? _knownAreas;
    private readonly int _definingColumn;
    private readonly int _buurtStoredIndex;
    private readonly int[] _areaColumns;

    public RecordConverter(DatasetDefinition dataset, Pseudonymiser pseudonymiser, ReferenceData references)
    {
        _pseudonymiser = pseudonymiser;
        _columns = [.. dataset.Columns];
        _storedIndex = new int[_columns.Length];
        _kinds = new KeyKind[_columns.Length];
        _categories = new HashSet<string>?[_columns.Length];
        _references = new Dictionary<long, string?>?[_columns.Length];
        var stored = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            _storedIndex[i] = column.Rule == ColumnRule.Drop ? -1 : stored++;
            _kinds[i] = column.Rule == ColumnRule.AddressToBuurt ? KeyKind.Building : KeyKinds.For(column.Rule) ?? default;
            if (column.Rule == ColumnRule.Category) _categories[i] = new HashSet<string>(column.Categories, StringComparer.Ordinal);
            if (column.References is { } referenced) _references[i] = references.KeysOf(referenced);
        }
        StoredCount = stored;
        _definingColumn = DatasetKeys.DefiningColumn(dataset);
        _areaColumns = [.. Enumerable.Range(0, _columns.Length).Where(i => _columns[i].Rule == ColumnRule.AreaCode)];
        if (_definingColumn == 0 && _columns[0].Rule == ColumnRule.AreaCode)
        {
            DefinedAreas = new AreaSet();
        }
        else
        {
            if (_areaColumns.Length > 0) _knownAreas = references.Areas();
            if (_definingColumn == 0) DefinedKeys = [];
        }
        var buurt = DatasetKeys.BuurtColumn(dataset);
        _buurtStoredIndex = buurt is null ? -1 : _storedIndex[Array.IndexOf(_columns, buurt)];
    }

    /// <summary>Number of stored columns, the length of the value buffer.</summary>
    public int StoredCount { get; }

    /// <summary>The keys this dataset defines (persons, buildings, ...), filled as records are accepted.</summary>
    public Dictionary<long, string?>? DefinedKeys { get; }

    /// <summary>The areas this dataset defines (only the areas dataset), filled as records are accepted.</summary>
    public AreaSet? DefinedAreas { get; }

    /// <summary>Converts a record into <paramref name="values"/>; returns why it was rejected, or <c>null</c>.</summary>
    public Rejection? Convert(SepReader.Row row, StoredValue[] values)
    {
        if (row.ColCount != _columns.Length)
        {
            return new Rejection(null, "wrong number of fields", $"line has {row.ColCount} fields, expected {_columns.Length}");
        }
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            if (column.Rule == ColumnRule.Drop) continue;
            ref var value = ref values[_storedIndex[i]];
            value = default;
            var text = row[i].Span;
            if (text.IsEmpty)
            {
                if (column.Optional)
                {
                    value.IsNull = true;
                    continue;
                }
                return new Rejection(column.Name, "is empty", "is empty");
            }
            if (ConvertValue(i, column, text, ref value) is { } rejection) return rejection;
        }
        return CheckAreaNesting(values) ?? CheckDefiningKey(values);
    }

    private Rejection? ConvertValue(int i, RawColumn column, ReadOnlySpan<char> text, ref StoredValue value)
    {
        switch (column.Rule)
        {
            case ColumnRule.PersonKey or ColumnRule.CompanyKey or ColumnRule.HouseholdKey or ColumnRule.BuildingKey:
                if (IdentifierFormat.TryParse(_kinds[i], text, out var identifier) is { } problem)
                {
                    return new Rejection(column.Name, problem, problem);
                }
                value.Number = _pseudonymiser.Pseudonymise(_kinds[i], identifier);
                if (_references[i] is { } keys && !keys.ContainsKey(value.Number))
                {
                    return new Rejection(column.Name, $"not in {column.References}", $"not in {column.References}");
                }
                return null;
            case ColumnRule.AddressToBuurt:
                if (IdentifierFormat.TryParse(KeyKind.Building, text, out var building) is { } addressProblem)
                {
                    return new Rejection(column.Name, addressProblem, addressProblem);
                }
                if (!_references[i]!.TryGetValue(_pseudonymiser.Pseudonymise(KeyKind.Building, building), out var buurt) || buurt is null)
                {
                    return new Rejection(column.Name, $"not in {column.References}", $"not in {column.References}");
                }
                value.Text = buurt;
                return null;
            case ColumnRule.DateToYear or ColumnRule.DateToMonth:
                if (!TryParseDate(text, out var year, out var month))
                {
                    return new Rejection(column.Name, "not a date (yyyy-MM-dd)", $"not a date (yyyy-MM-dd): '{text}'");
                }
                if (year < column.Min || year > column.Max)
                {
                    return new Rejection(column.Name, "year out of range", $"year out of range [{column.Min}, {column.Max}]: '{text}'");
                }
                value.Number = column.Rule == ColumnRule.DateToYear ? year : (year * 100) + month;
                return null;
            case ColumnRule.AreaCode:
                return ConvertArea(column, text, ref value);
            case ColumnRule.Category:
                if (!_categories[i]!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var category))
                {
                    return new Rejection(column.Name, "unknown category", $"unknown category '{text}'");
                }
                value.Text = category;
                return null;
            case ColumnRule.WholeNumber:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return new Rejection(column.Name, "not a whole number", $"not a whole number: '{text}'");
                }
                if (number < column.Min || number > column.Max)
                {
                    return new Rejection(column.Name, "out of range", $"out of range [{column.Min}, {column.Max}]: '{text}'");
                }
                value.Number = number;
                return null;
            case ColumnRule.Flag:
                if (text is not ("j" or "n")) return new Rejection(column.Name, "not j or n", $"not j or n: '{text}'");
                value.Number = text[0] == 'j' ? 1 : 0;
                return null;
            case ColumnRule.Text:
                value.Text = text.ToString();
                return null;
            default:
                throw new InvalidOperationException($"column '{column.Name}' has rule {column.Rule}, which ingest does not know");
        }
    }

    private Rejection? ConvertArea(RawColumn column, ReadOnlySpan<char> text, ref StoredValue value)
    {
        var level = column.AreaLevel;
        var name = level.ToString().ToLowerInvariant();
        if (!AreaSet.HasFormat(level, text))
        {
            var (prefix, digits) = AreaSet.FormatOf(level);
            return new Rejection(column.Name, $"not a {name} code", $"not a {name} code ({prefix} + {digits} digits): '{text}'");
        }
        if (DefinedAreas is not null)
        {
            value.Text = DefinedAreas.TryGet(level, text, out var known) ? known : text.ToString();
            return null;
        }
        if (!_knownAreas!.TryGet(level, text, out var code))
        {
            return new Rejection(column.Name, $"unknown {name}", $"unknown {name} '{text}'");
        }
        value.Text = code;
        return null;
    }

    // In the areas dataset a finer code must carry the digits of every coarser code on its row (BU03630101 in WK036301
    // in GM0363). Elsewhere each code is checked against the areas on its own.
    private Rejection? CheckAreaNesting(StoredValue[] values)
    {
        if (DefinedAreas is null) return null;
        foreach (var fine in _areaColumns)
        {
            foreach (var coarse in _areaColumns)
            {
                if (_columns[coarse].AreaLevel >= _columns[fine].AreaLevel) continue;
                var fineCode = values[_storedIndex[fine]].Text!;
                var coarseCode = values[_storedIndex[coarse]].Text!;
                if (!fineCode.AsSpan(2).StartsWith(coarseCode.AsSpan(2), StringComparison.Ordinal))
                {
                    return new Rejection(_columns[fine].Name, $"not inside {_columns[coarse].Name}",
                        $"'{fineCode}' does not lie in {_columns[coarse].Name} '{coarseCode}'");
                }
            }
        }
        return null;
    }

    private Rejection? CheckDefiningKey(StoredValue[] values)
    {
        if (_definingColumn < 0) return null;
        var key = values[_storedIndex[_definingColumn]];
        var name = _columns[_definingColumn].Name;
        if (DefinedAreas is not null)
        {
            if (!DefinedAreas.Add(_columns[_definingColumn].AreaLevel, key.Text!))
            {
                return new Rejection(name, "duplicate", $"duplicate '{key.Text}'");
            }
            foreach (var i in _areaColumns) DefinedAreas.Add(_columns[i].AreaLevel, values[_storedIndex[i]].Text!);
            return null;
        }
        var buurt = _buurtStoredIndex < 0 ? null : values[_buurtStoredIndex].Text;
        return DefinedKeys!.TryAdd(key.Number, buurt) ? null : new Rejection(name, "duplicate", "duplicate of an earlier record");
    }

    private static bool TryParseDate(ReadOnlySpan<char> text, out int year, out int month)
    {
        year = month = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text[..4], out year) || !TryDigits(text.Slice(5, 2), out month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
