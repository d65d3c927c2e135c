using System.Security.Cryptography;
using Workbench.Microdata.Generation;
using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.Generation;

public sealed class DeliveryGeneratorTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    private readonly Delivery _delivery = fixture.Delivery;

    private static Dictionary<string, string> Hashes(string directory) =>
        Datasets.All.ToDictionary(d => d.Name, d => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, d.RawFile)))));

    [Fact]
    public void Generate_SameOptionsTwice_WritesByteIdenticalFiles()
    {
        using var first = new Delivery(6_000, seed: 11);
        using var second = new Delivery(6_000, seed: 11);
        Assert.Equal(Hashes(first.Directory), Hashes(second.Directory));
        Assert.Equal(
            File.ReadAllText(Path.Combine(first.Directory, DeliveryManifest.FileName)),
            File.ReadAllText(Path.Combine(second.Directory, DeliveryManifest.FileName)));
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentFiles()
    {
        using var first = new Delivery(6_000, seed: 11);
        using var other = new Delivery(6_000, seed: 12);
        var a = Hashes(first.Directory);
        var b = Hashes(other.Directory);
        foreach (var dataset in new[] { Datasets.Persons, Datasets.Buildings, Datasets.NetworkLinks, Datasets.Areas })
            Assert.NotEqual(a[dataset], b[dataset]);
    }

    [Fact]
    public void Generate_DifferentPersonCounts_ShareTheGeography()
    {
        using var small = new Delivery(5_000, seed: _delivery.Options.Seed);
        Assert.Equal(
            Hashes(small.Directory)[Datasets.Areas],
            Hashes(_delivery.Directory)[Datasets.Areas]);
    }

    [Theory]
    [InlineData(999, 25, "Persons")]
    [InlineData(5_000, 1, "AverageDegree")]
    [InlineData(5_000, 1_000, "AverageDegree")]
    [InlineData(5_000, double.NaN, "AverageDegree")]
    public void Generate_OptionOutOfRange_ThrowsNamingTheOption(int persons, double degree, string option)
    {
        var options = new GeneratorOptions { Persons = persons, Seed = 1, AverageDegree = degree };
        var error = Assert.Throws<ArgumentException>(() => DeliveryGenerator.Generate(options, Path.GetTempPath()));
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Generate_EveryDataset_HeaderEqualsSchemaColumnsInOrder()
    {
        foreach (var dataset in Datasets.All)
            Assert.Equal(dataset.Columns.Select(c => c.Name), _delivery[dataset.Name].Header);
    }

    [Fact]
    public void Generate_Manifest_MatchesFilesRowsAndHashes()
    {
        var manifest = DeliveryManifest.TryRead(_delivery.Directory)!;
        Assert.Equal("synthetic", manifest.Source);
        Assert.Equal(_delivery.Options.ReferenceDate, manifest.ReferenceDate);
        Assert.Equal(Datasets.All.Select(d => d.Name), manifest.Deliveries.Select(f => f.Dataset));
        foreach (var file in manifest.Deliveries)
        {
            var bytes = File.ReadAllBytes(Path.Combine(_delivery.Directory, file.File));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
            Assert.Equal(_delivery[file.Dataset].Rows.Count, file.Rows);
            Assert.Equal(file.Rows, _delivery.Report.Rows[file.Dataset]);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), $"{file.File} starts with a BOM");
            Assert.True(file.Rows > 0, $"{file.File} is empty");
        }
    }

    [Fact]
    public void Generate_EveryValue_FollowsItsColumnRule()
    {
        foreach (var dataset in Datasets.All)
        {
            var table = _delivery[dataset.Name];
            for (var c = 0; c < dataset.Columns.Count; c++)
            {
                var column = dataset.Columns[c];
                var categories = column.Categories.ToHashSet();
                foreach (var row in table.Rows)
                {
                    Assert.Equal(dataset.Columns.Count, row.Length);
                    var value = row[c];
                    if (value.Length == 0)
                    {
                        Assert.True(column.Optional, $"{dataset.Name}.{column.Name} is empty but not optional");
                        continue;
                    }
                    var ok = column.Rule switch
                    {
                        ColumnRule.Category => categories.Contains(value),
                        ColumnRule.Flag => value is "j" or "n",
                        ColumnRule.WholeNumber => long.TryParse(value, out var n) && n >= column.Min && n <= column.Max,
                        ColumnRule.DateToYear or ColumnRule.DateToMonth =>
                            DateOnly.TryParseExact(value, "yyyy-MM-dd", out var d) && d.Year >= column.Min && d.Year <= column.Max
                            && d <= _delivery.Options.ReferenceDate,
                        ColumnRule.PersonKey => value.Length == 9,
                        ColumnRule.CompanyKey => value.Length == 8 && value.All(char.IsAsciiDigit),
                        ColumnRule.BuildingKey or ColumnRule.AddressToBuurt => value.Length == 16 && value.All(char.IsAsciiDigit),
                        ColumnRule.HouseholdKey => value.All(char.IsAsciiDigit),
                        _ => true,
                    };
                    Assert.True(ok, $"{dataset.Name}.{column.Name} has invalid value '{value}'");
                }
            }
        }
    }
}
