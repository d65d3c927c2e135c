using Microsoft.Data.Analysis;

namespace Workbench.Kernel.Api.Tests.Outputs;

/// <summary>Tiny DataFrames of records, written out by hand so expected counts can be checked by eye.</summary>
internal static class Frames
{
    public static DataFrame Records(params (string Gemeente, string Sex, long Person, long Income)[] rows) => new(
        new StringDataFrameColumn("gemeente", rows.Select(r => r.Gemeente)),
        new StringDataFrameColumn("sex", rows.Select(r => r.Sex)),
        new Int64DataFrameColumn("person_id", rows.Select(r => r.Person)),
        new Int64DataFrameColumn("income", rows.Select(r => r.Income)));

    /// <summary>Gemeente A: persons 1, 1, 2 (3 records, 2 units); B: persons 3..14 (12 records, 12 units).</summary>
    public static DataFrame TwoMunicipalities() => Records(
        [("A", "M", 1, 100), ("A", "M", 1, 50), ("A", "V", 2, 10),
         .. Enumerable.Range(3, 12).Select(p => ("B", p % 2 == 0 ? "M" : "V", (long)p, 1_000L))]);
}
