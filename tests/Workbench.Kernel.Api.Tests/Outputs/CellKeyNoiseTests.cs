using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OutputControl.Requests;
using OutputControl.Results;
using Workbench.Api;
using Output = Workbench.Api.Output;

namespace Workbench.Kernel.Api.Tests.Outputs;

/// <summary><see cref="TableBuilder.WithCellKeyNoise"/>: cell keys from the units' ids, and the noised preview.</summary>
public sealed class CellKeyNoiseTests
{
    private static CellInput Cell(TableRequest request, params string[] key) =>
        request.Table.Cells.Single(c => c.Key.SequenceEqual(key));

    // Written out here from the definition, independently of OutputControl.Noise.CellKeys.
    private static decimal ExpectedKey(params long[] units)
    {
        BigInteger sum = 0;
        foreach (var unit in units)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            sum += new BigInteger(hash.AsSpan(0, 8), isUnsigned: true, isBigEndian: true);
        }

        return (decimal)(sum % BigInteger.Pow(2, 64)) / 18446744073709551616m;
    }

    [Fact]
    public void WithCellKeyNoise_Count_EachCellKeyIsTheFractionalSumOfItsDistinctUnitsRecordKeys()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").WithCellKeyNoise(3, 2m).Build();

        Assert.Equal(ExpectedKey(1, 2), Cell(request, "A").CellKey); // persons 1, 1, 2: person 1 counts once
        Assert.Equal(ExpectedKey([.. Enumerable.Range(3, 12).Select(p => (long)p)]), Cell(request, "B").CellKey);
        Assert.Equal(ExpectedKey([.. Enumerable.Range(1, 14).Select(p => (long)p)]), Cell(request, "Totaal").CellKey);
    }

    [Fact]
    public void WithCellKeyNoise_Json_AsksForCellKeyAndCarriesEveryCellsKey()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").WithCellKeyNoise(3, 2m).Build();

        using var doc = JsonDocument.Parse(request.Json);
        var cellKey = doc.RootElement.GetProperty("policy").GetProperty("cellKey");
        Assert.Equal(3, cellKey.GetProperty("maxNoise").GetInt32());
        Assert.Equal(2m, cellKey.GetProperty("variance").GetDecimal());
        Assert.All(doc.RootElement.GetProperty("output").GetProperty("cells").EnumerateArray(),
            c => Assert.InRange(c.GetProperty("cellKey").GetDecimal(), 0m, 0.9999999999m));
    }

    [Fact]
    public void Preview_WithCellKeyNoise_PublishesEveryCellWithinTheBound()
    {
        var preview = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").WithCellKeyNoise(3, 2m).Preview();

        Assert.NotEqual(Verdict.Blocked, preview.Verdict);
        Assert.All(preview.Result.Cells, c => Assert.Equal((CellStatus.Published, 3), (c.Status, c.NoiseBound)));
        Assert.All(preview.Result.Cells.Zip(preview.Table.Cells), pair =>
            Assert.InRange(pair.First.Published!.Value, Math.Max(1, pair.Second.Value - 3), pair.Second.Value + 3));
        Assert.Contains(preview.Result.Findings, f => f.Rule == "cellKey");
        Assert.Contains("±3", preview.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_SameUnitsInAnotherTable_SameNoise()
    {
        // Gemeente A over its two persons: a cell of the one-way table and a margin of the two-way table.
        var oneWay = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").WithCellKeyNoise(3, 2m).Preview();
        var twoWay = Output.Table(Frames.TwoMunicipalities()).By("gemeente").By("sex").Count("person_id").WithCellKeyNoise(3, 2m).Preview();

        var a = oneWay.Result.Cells.Single(c => c.Key.SequenceEqual(["A"]));
        var aTotal = twoWay.Result.Cells.Single(c => c.Key.SequenceEqual(["A", "Totaal"]));
        Assert.Equal(a.Published, aTotal.Published);
    }

    [Fact]
    public void Build_WithoutCellKeyNoise_NoCellKeysAsBefore()
    {
        var request = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Count("person_id").Build();

        Assert.All(request.Table.Cells, c => Assert.Null(c.CellKey));
        Assert.DoesNotContain("cellKey", request.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("policy", request.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SumWithCellKeyNoise_Throws()
    {
        var builder = Output.Table(Frames.TwoMunicipalities()).By("gemeente").Sum("income", "person_id").WithCellKeyNoise(3, 2m);

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.StartsWith("cell-key noise applies to count tables", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CountsComputedElsewhereWithCellKeyNoise_Throws()
    {
        var counts = Frames.Records(("A", "M", 12, 0));
        var builder = Output.Counts(counts, "person_id", "income").By("gemeente", total: null).WithCellKeyNoise(3, 2m);

        var e = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("needs each cell's units", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, "maxNoise")]
    [InlineData(2, 5, "variance")]
    public void WithCellKeyNoise_OutOfRange_ThrowsNamingTheParameter(int maxNoise, int variance, string parameter)
    {
        var e = Assert.Throws<ArgumentException>(() => Output.Table(Frames.TwoMunicipalities()).WithCellKeyNoise(maxNoise, variance));

        Assert.Equal(parameter, e.ParamName);
    }
}
