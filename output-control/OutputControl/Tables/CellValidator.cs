using OutputControl.Requests;

namespace OutputControl.Tables;

/// <summary>Checks one cell's value, units and contributions against the table's measure.</summary>
internal static class CellValidator
{
    public static void Validate(CellInput cell, Measure measure, string field)
    {
        if (cell.Value < 0)
        {
            throw new InvalidRequestException(field + ".value", $"must not be negative, got {KeyFormat.Format(cell.Value)}");
        }

        if (cell.Units < 0)
        {
            throw new InvalidRequestException(field + ".units", $"must not be negative, got {cell.Units}");
        }

        if (measure == Measure.Count)
        {
            if (cell.Value != decimal.Truncate(cell.Value))
            {
                throw new InvalidRequestException(field + ".value", $"a count must be a whole number, got {KeyFormat.Format(cell.Value)}");
            }

            if (cell.Units > cell.Value)
            {
                throw new InvalidRequestException(field + ".units", $"{cell.Units} units exceed the count {KeyFormat.Format(cell.Value)}");
            }

            if (cell.Value > 0 && cell.Units == 0)
            {
                throw new InvalidRequestException(field + ".units", $"a count of {KeyFormat.Format(cell.Value)} needs at least one unit");
            }

            if (cell.Contributions is not null)
            {
                throw new InvalidRequestException(field + ".contributions", "only sum tables carry contributions");
            }

            return;
        }

        if (cell.Value > 0 && cell.Units == 0)
        {
            throw new InvalidRequestException(field + ".units", $"a sum of {KeyFormat.Format(cell.Value)} needs at least one unit");
        }

        if (cell.Contributions is not { } contributions)
        {
            return;
        }

        if (contributions.Count != cell.Units)
        {
            throw new InvalidRequestException(
                field + ".contributions", $"{contributions.Count} contributions for {cell.Units} units");
        }

        var sum = 0m;
        for (var i = 0; i < contributions.Count; i++)
        {
            if (contributions[i] < 0)
            {
                throw new InvalidRequestException(
                    $"{field}.contributions[{i}]", $"must not be negative, got {KeyFormat.Format(contributions[i])}");
            }

            sum += contributions[i];
        }

        if (sum != cell.Value)
        {
            throw new InvalidRequestException(
                field + ".contributions",
                $"contributions sum to {KeyFormat.Format(sum)} but the value is {KeyFormat.Format(cell.Value)}");
        }
    }
}
