using Workbench.Microdata.Ingest;
using Workbench.Microdata.Schema;
using Workbench.Microdata.Tests.Builders;

namespace Workbench.Microdata.Tests.Ingest;

public sealed partial class IngestorTests
{
    public static TheoryData<string, string, string> BadLines => new()
    {
        { Datasets.Persons, "123456789;Jan;Bad;1980-01-02;M;0363010000000001;Straat;1;1011AA;7000001", "bsn: fails 11-proof" },
        { Datasets.Persons, "12345;Jan;Bad;1980-01-02;M;0363010000000001;Straat;1;1011AA;7000001", "bsn: must be 9 digits" },
        { Datasets.Persons, "{bsn0};Jan;Dubbel;1980-01-02;M;0363010000000001;Straat;1;1011AA;7000001", "bsn: duplicate" },
        { Datasets.Persons, "{new};Jan;Bad;1980-02-30;M;0363010000000001;Straat;1;1011AA;7000001", "geboortedatum: not a date (yyyy-MM-dd)" },
        { Datasets.Persons, "{new};Jan;Bad;1850-02-03;M;0363010000000001;Straat;1;1011AA;7000001", "geboortedatum: year out of range" },
        { Datasets.Persons, "{new};Jan;Bad;1980-02-03;X;0363010000000001;Straat;1;1011AA;7000001", "geslacht: unknown category" },
        { Datasets.Persons, "{new};Jan;Bad;1980-02-03;M;9999999999999999;Straat;1;1011AA;7000001", "verblijfsobjectid: not in buildings" },
        { Datasets.Persons, "{new};Jan;Bad;1980-02-03;M;0363010000000001;Straat;1;1011AA;1234", "huishoudnummer: not in households" },
        { Datasets.Persons, "{new};Jan;Bad;1980-02-03;M;0363010000000001", "line has 6 fields, expected 10" },
        { Datasets.Persons, ";Jan;Bad;1980-02-03;M;0363010000000001;Straat;1;1011AA;7000001", "bsn: is empty" },
        { Datasets.Buildings, "0363999999999999;Straat;1;1011AA;BU99999999;woonfunctie;50;1990;100000;eigenaar_bewoner;;;n", "buurtcode: unknown buurt 'BU99999999'" },
        { Datasets.Buildings, "0363999999999999;Straat;1;1011AA;BU0363010;woonfunctie;50;1990;100000;eigenaar_bewoner;;;n", "buurtcode: not a buurt code (BU + 8 digits): 'BU0363010'" },
        { Datasets.Buildings, "0363999999999999;Straat;1;1011AA;BU03630101;woonfunctie;0;1990;100000;eigenaar_bewoner;;;n", "oppervlakte_m2: out of range [1, 1000000]: '0'" },
        { Datasets.Buildings, "0363999999999999;Straat;1;1011AA;BU03630101;woonfunctie;50;1990;100000;eigenaar_bewoner;;;ja", "leegstand: not j or n: 'ja'" },
        { Datasets.Buildings, "0363999999999999;Straat;1;1011AA;BU03630101;woonfunctie;5x;1990;100000;eigenaar_bewoner;;;n", "oppervlakte_m2: not a whole number: '5x'" },
        { Datasets.Areas, "BU03630301;Fout;WK036302;Grachtengordel;GM0363;Amsterdam;1", "buurtcode: 'BU03630301' does not lie in wijkcode 'WK036302'" },
        { Datasets.Areas, "BU03630101;Dubbel;WK036301;Burgwallen;GM0363;Amsterdam;1", "buurtcode: duplicate 'BU03630101'" },
        { Datasets.Suspects, "BVH-1;{unknown};2024-01-05;geweld;GM0363", "bsn: not in persons" },
        { Datasets.Suspects, "BVH-1;{bsn0};2024-01-05;geweld;GM9999", "pleeggemeente: unknown gemeente 'GM9999'" },
        { Datasets.Jobs, "{bsn0};99999999;2020-01-01;1000", "kvknummer: not in companies" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void Ingest_BadLine_QuarantinedWithLineFieldAndReason(string dataset, string line, string expectedReason)
    {
        var builder = new DeliveryBuilder();
        line = line.Replace("{bsn0}", builder.Bsns[0], StringComparison.Ordinal)
            .Replace("{new}", builder.NextBsn(), StringComparison.Ordinal)
            .Replace("{unknown}", builder.NextBsn(), StringComparison.Ordinal);
        builder.Add(dataset, line);
        var expectedLine = builder.Lines(dataset).Count + 1;

        var result = Ingest(builder)[dataset];

        Assert.Equal(1, result.RowsQuarantined);
        Assert.Equal(result.RowsRead, result.RowsAccepted + result.RowsQuarantined);
        Assert.Equal(builder.Lines(dataset).Count, result.RowsRead);
        var quarantined = File.ReadAllLines(result.QuarantineFile!);
        Assert.Equal("line;field;reason;raw", quarantined[0]);
        Assert.StartsWith($"{expectedLine};", quarantined[1], StringComparison.Ordinal);
        Assert.Contains($"\"{expectedReason}", quarantined[1], StringComparison.Ordinal);
        Assert.EndsWith($";\"{line}\"", quarantined[1], StringComparison.Ordinal);
        Assert.Equal(1, result.QuarantineReasons.Values.Single());
    }

    [Fact]
    public void Ingest_SeveralBadLines_CountedPerReasonAndReadEqualsAcceptedPlusQuarantined()
    {
        var builder = new DeliveryBuilder();
        builder.Add(Datasets.Incomes, "123456789;2024;1000")
            .Add(Datasets.Incomes, "111111111;2024;1000")
            .Add(Datasets.Incomes, $"{builder.Bsns[0]};2024")
            .Add(Datasets.Incomes, $"{builder.Bsns[0]};1800;1000");

        var report = Ingest(builder);

        var incomes = report[Datasets.Incomes];
        Assert.Equal(4, incomes.RowsQuarantined);
        Assert.Equal(2, incomes.QuarantineReasons["bsn: fails 11-proof"] + incomes.QuarantineReasons.GetValueOrDefault("bsn: not in persons"));
        Assert.Equal(1, incomes.QuarantineReasons["wrong number of fields"]);
        Assert.Equal(1, incomes.QuarantineReasons["jaar: out of range"]);
        Assert.All(report.Datasets, d => Assert.Equal(d.RowsRead, d.RowsAccepted + d.RowsQuarantined));
    }

    [Fact]
    public void Ingest_BadLine_QuarantineIsOwnerOnlyAndOutsideTheStore()
    {
        if (OperatingSystem.IsWindows()) return;
        var builder = new DeliveryBuilder().Add(Datasets.Incomes, "123456789;2024;1000");

        var result = Ingest(builder)[Datasets.Incomes];

        var file = result.QuarantineFile!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        Assert.StartsWith(Path.Combine(Delivery, "quarantine"), file, StringComparison.Ordinal);
        Assert.DoesNotContain(StoreContents.Cells(StorePath), c => c.Value.Contains("123456789", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_QuarantinedPerson_ItsReferencesAreQuarantinedToo()
    {
        var builder = new DeliveryBuilder();
        var bad = builder.Lines(Datasets.Persons)[0];
        builder.Lines(Datasets.Persons)[0] = bad.Replace(";M;", ";Q;", StringComparison.Ordinal);

        var report = Ingest(builder);

        Assert.Equal(1, report[Datasets.Persons].RowsQuarantined);
        Assert.Equal(1, report[Datasets.Incomes].QuarantineReasons["bsn: not in persons"]);
        Assert.Equal(2, report[Datasets.NetworkLinks].RowsQuarantined);
    }
}
