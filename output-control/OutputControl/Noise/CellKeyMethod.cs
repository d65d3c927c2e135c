using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Noise;

/// <summary>
/// Protects a count table with cell-key noise instead of suppression and rounding (the SDC Handbook's method for
/// flexible and recurring tables; Destatis' Zensus 2022, ABS TableBuilder): every listed cell is published as its count
/// plus the noise its cell key draws from the <see cref="PerturbationTable"/>. Margins are noised on their own cell
/// keys, so the table is not additive; true zeros stay 0; every cell carries its noise bound D.
/// </summary>
/// <remarks>
/// No cell is suppressed: with the noise consistent (same units, same key, same noise) the protection of a recurring
/// table does not depend on which releases came before, so the differencing check, which assumes exact published
/// counts, does not apply. The server cannot recompute cell keys (it never sees unit ids); they are part of the
/// submitted output, like the counts and the units, and reviewed with it.
/// </remarks>
internal static class CellKeyMethod
{
    public static CheckResult Check(TableOutput table, Policy policy, CellKeyPolicy cellKey)
    {
        if (table.Measure != Measure.Count)
        {
            throw new InvalidRequestException(
                "policy.cellKey", "cell-key noise applies to count tables; a sum table is protected by suppression: leave cellKey out");
        }

        TableValidator.Validate(table);
        var ptable = PerturbationTable.For(cellKey);
        var cells = new List<CellResult>(table.Cells.Count);
        var noised = false;
        for (var i = 0; i < table.Cells.Count; i++)
        {
            var cell = table.Cells[i];
            var key = cell.CellKey ?? throw new InvalidRequestException(
                $"cells[{i}].cellKey",
                $"is required when policy.cellKey is set: cell {KeyFormat.Format(cell.Key)} needs the fractional part of the sum of its units' record keys");
            var count = cell.Value > int.MaxValue ? int.MaxValue : (long)cell.Value; // only min(count, D + 1) picks the row
            var noise = ptable.NoiseFor(count, key);
            noised |= noise != 0;
            cells.Add(new CellResult(cell.Key, CellStatus.Published, cell.Value + noise, [], cellKey.MaxNoise));
        }

        var finding = new Finding(
            "cellKey",
            $"cell-key noise (maxNoise {cellKey.MaxNoise}, variance {KeyFormat.Format(cellKey.Variance)}): every cell is published as its "
            + $"count plus noise of at most ±{cellKey.MaxNoise} drawn by its cell key, nothing is suppressed or rounded, true zeros stay 0 "
            + "and no positive count becomes 0. Margins are noised on their own cell keys, so the table is not additive: a total need "
            + "not equal the sum of its published cells. The differencing check does not apply to noised tables: the same cell gets the "
            + "same noise in every release and at every level, so comparing releases yields differences of noisy counts, not units.");
        return new CheckResult(noised ? Verdict.Protected : Verdict.Safe, cells, [finding], policy);
    }
}
