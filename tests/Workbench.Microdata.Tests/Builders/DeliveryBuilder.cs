using System.Globalization;
using System.Security.Cryptography;
using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Tests.Builders;

/// <summary>
/// A small, consistent delivery for every dataset of the schema: valid BSNs (11-proof), KvK numbers, BAG ids and
/// areas that all refer to each other. Tests add bad lines or change values, then <see cref="Write"/> it.
/// </summary>
internal sealed class DeliveryBuilder
{
    private readonly Dictionary<string, List<string>> _lines = Datasets.All.ToDictionary(d => d.Name, _ => new List<string>());

    public DeliveryBuilder(int persons = 30)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(persons, 12, nameof(persons));
        Buurten = ["BU03630101", "BU03630102", "BU03630201", "BU05990101"];
        Add(Datasets.Areas, "BU03630101;Burgwallen-Oude Zijde;WK036301;Burgwallen;GM0363;Amsterdam;1");
        Add(Datasets.Areas, "BU03630102;Burgwallen-Nieuwe Zijde;WK036301;Burgwallen;GM0363;Amsterdam;1");
        Add(Datasets.Areas, "BU03630201;Grachtengordel-West;WK036302;Grachtengordel;GM0363;Amsterdam;1");
        Add(Datasets.Areas, "BU05990101;Stadsdriehoek;WK059901;Centrum;GM0599;Rotterdam;1");

        for (var i = 0; i < 8; i++)
        {
            Households.Add((7_000_001 + i).ToString(CultureInfo.InvariantCulture));
            Add(Datasets.Households, $"{Households[i]};{Vocabulary.HouseholdTypes[i % 5]};{1 + (i % 4)};{30_000 + (i * 1_000)}");
        }
        for (var i = 0; i < persons; i++) Bsns.Add(NextBsn());
        for (var i = 0; i < 6; i++) Kvks.Add((40_000_001 + (i * 7)).ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < 12; i++)
        {
            BagIds.Add((363_010_000_000_001L + (i * 13)).ToString("D16", CultureInfo.InvariantCulture));
            Streets.Add($"Teststraat{(char)('A' + i)}laan");
            Postcodes.Add($"10{11 + i}X{(char)('A' + i)}");
            var owner = (i % 3) switch { 0 => $"{Bsns[i]};", 1 => $";{Kvks[i % 6]}", _ => ";" };
            Add(Datasets.Buildings, $"{BagIds[i]};{Streets[i]};{i + 1};{Postcodes[i]};{Buurten[i % 4]};woonfunctie;{50 + i};{1900 + i};{200_000 + i};{(i % 3 == 1 ? "bedrijf" : "eigenaar_bewoner")};{owner};{(i % 5 == 0 ? "j" : "n")}");
        }
        for (var i = 0; i < persons; i++)
        {
            FirstNames.Add($"Voornaam{(char)('A' + (i % 26))}{i}x");
            Surnames.Add($"Achternaam{(char)('A' + (i % 26))}{i}y");
            BirthDates.Add($"{1950 + i:D4}-{1 + (i % 12):D2}-{2 + (i % 27):D2}");
            var building = i % 12;
            Add(Datasets.Persons, $"{Bsns[i]};{FirstNames[i]};{Surnames[i]};{BirthDates[i]};{Vocabulary.Sex[i % 2]};{BagIds[building]};{Streets[building]};{building + 1};{Postcodes[building]};{Households[i % 8]}");
            Add(Datasets.Incomes, $"{Bsns[i]};2024;{25_000 + (i * 500)}");
        }
        for (var i = 0; i < 6; i++)
        {
            TradeNames.Add($"Handelsnaam{i}BV");
            Add(Datasets.Companies, $"{Kvks[i]};{TradeNames[i]};{Vocabulary.SbiDivisions.Keys.ElementAt(i)};bv;{BagIds[(i * 2) + 1]};{2000 + i}-03-15;{i * 3}");
            Add(Datasets.CompanyOfficers, $"{Kvks[i]};{Bsns[i]};bestuurder;2010-06-0{1 + i}");
            Add(Datasets.CompanyConvictions, $"PK-{i:D4};{Kvks[i]};2023-0{1 + i}-12;witwassen;geldboete");
        }
        for (var i = 0; i < persons; i++)
        {
            Add(Datasets.Jobs, $"{Bsns[i]};{Kvks[i % 6]};{2015 + (i % 8)}-09-01;{30_000 + i}");
            Add(Datasets.NetworkLinks, $"{Bsns[i]};{Bsns[(i + 1) % persons]};buren;buur");
            if (i % 3 == 0) Add(Datasets.Suspects, $"BVH-{i:D5};{Bsns[i]};2024-02-1{i % 10};drugs_hard;GM0363");
            if (i % 4 == 0) Add(Datasets.PersonConvictions, $"PN-{i:D5};{Bsns[i]};2024-05-2{i % 10};drugs_hard;taakstraf");
            if (i % 5 == 0) Add(Datasets.RiskFactors, $"{Bsns[i]};j;n;j");
            Add(Datasets.UnusualTransactions, i % 2 == 0
                ? $"FIU-{i:D5};bank;2024-07-0{1 + (i % 9)};{10_000 + i};contante_storting;{Bsns[i]};;n"
                : $"FIU-{i:D5};casino;2024-08-1{i % 10};{20_000 + i};crypto;;{Kvks[i % 6]};j");
        }
        for (var i = 0; i < 3; i++) Add(Datasets.Dismantlings, $"ZK-{i:D4};{BagIds[i * 4]};2023-1{i}-05;hennepkwekerij;klein");
    }

    public List<string> Buurten { get; }
    public List<string> Households { get; } = [];
    public List<string> Bsns { get; } = [];
    public List<string> Kvks { get; } = [];
    public List<string> BagIds { get; } = [];
    public List<string> Streets { get; } = [];
    public List<string> Postcodes { get; } = [];
    public List<string> FirstNames { get; } = [];
    public List<string> Surnames { get; } = [];
    public List<string> TradeNames { get; } = [];
    public List<string> BirthDates { get; } = [];

    /// <summary>Every direct identifier or exact value that must never reach a store.</summary>
    public IEnumerable<string> DirectIdentifiers =>
        Bsns.Concat(Kvks).Concat(BagIds).Concat(Streets).Concat(Postcodes).Concat(FirstNames).Concat(Surnames)
            .Concat(TradeNames).Concat(BirthDates).Concat(Households);

    /// <summary>Data lines of a dataset, in file order.</summary>
    public List<string> Lines(string dataset) => _lines[dataset];

    /// <summary>Appends a raw line (valid or not) to a dataset.</summary>
    public DeliveryBuilder Add(string dataset, string line)
    {
        _lines[dataset].Add(line);
        return this;
    }

    /// <summary>A BSN that passes the 11-proof and is not in the delivery.</summary>
    public string NextBsn()
    {
        for (var candidate = _nextBsnBase; ; candidate++)
        {
            var digits = candidate.ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * (digits[i] - '0');
            var check = sum % 11;
            if (check == 10) continue;
            _nextBsnBase = candidate + 1;
            return digits + (char)('0' + check);
        }
    }

    private long _nextBsnBase = 12_345_600;

    /// <summary>Writes every dataset's file (header and lines) and, when asked, a manifest; returns the directory.</summary>
    public string Write(string directory, string? manifestVersion = null)
    {
        var files = new List<DeliveryFile>();
        foreach (var dataset in Datasets.All)
        {
            var path = Path.Combine(directory, dataset.RawFile);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var header = string.Join(';', dataset.Columns.Select(c => c.Name));
            File.WriteAllText(path, header + "\n" + string.Concat(_lines[dataset.Name].Select(l => l + "\n")));
            files.Add(new DeliveryFile(dataset.Name, dataset.RawFile, manifestVersion ?? "", _lines[dataset.Name].Count,
                Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))));
        }
        if (manifestVersion is not null) new DeliveryManifest("test", new DateOnly(2025, 12, 31), files).Write(directory);
        return directory;
    }
}
