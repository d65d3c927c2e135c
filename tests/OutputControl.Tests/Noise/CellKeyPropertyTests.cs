using CsCheck;
using OutputControl.Noise;
using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests.Noise;

/// <summary>Invariants of cell-key noise on random count tables with random cell keys and random (D, V).</summary>
public class CellKeyPropertyTests
{
    private static readonly Gen<(TableOutput Table, CellKeyPolicy Policy)> Cases =
        from d in Gen.Int[1, 6]
        from v in Gen.Int[1, 1000]
        from sizes in Gen.Int[2, 4].Array[2]
        from values in Gen.Int[0, 12].Array[sizes[0] * sizes[1]]
        from keys in Gen.Int[0, 999_999].Array[(sizes[0] + 1) * (sizes[1] + 1)]
        select (WithKeys(Tables.Grid(sizes, [.. values.Select(x => (decimal)x)]), keys), new CellKeyPolicy(d, d * d * v / 1000m));

    private static TableOutput WithKeys(TableOutput table, int[] keys) =>
        table with { Cells = [.. table.Cells.Select((c, i) => c with { CellKey = keys[i] / 1_000_000m })] };

    [Fact]
    public void Check_RandomTables_EveryCellWithinDNoPositiveCountToZeroZerosKeptAndRepeatable() =>
        Cases.Sample(c =>
        {
            var request = new CheckRequest(new Policy(cellKey: c.Policy), c.Table, []);
            var result = OutputChecker.Check(request);
            var again = OutputChecker.Check(request);

            Assert.NotEqual(Verdict.Blocked, result.Verdict);
            for (var i = 0; i < c.Table.Cells.Count; i++)
            {
                var value = c.Table.Cells[i].Value;
                var published = result.Cells[i].Published!.Value;
                Assert.Equal(CellStatus.Published, result.Cells[i].Status);
                Assert.Equal(c.Policy.MaxNoise, result.Cells[i].NoiseBound);
                Assert.InRange(published - value, -c.Policy.MaxNoise, c.Policy.MaxNoise);
                Assert.True(value == 0 ? published == 0 : published >= 1, $"{value} published as {published}");
                Assert.Equal(published, again.Cells[i].Published);
            }
        }, iter: 200);
}
