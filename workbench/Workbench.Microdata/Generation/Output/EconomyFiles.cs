using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Generation.Output;

/// <summary>KvK companies and officers, UWV jobs and the CBS person network.</summary>
internal static class EconomyFiles
{
    private static readonly byte[][] Sbi = Utf8Table.Encode(CompanyStage.Sbi);
    private static readonly byte[][] Forms = Utf8Table.Encode(Vocabulary.LegalForms);
    private static readonly byte[][] Roles = Utf8Table.Encode(Vocabulary.OfficerRoles);
    private static readonly byte[][] Layers = Utf8Table.Encode(Vocabulary.NetworkLayers);
    private static readonly byte[][] Relations = Utf8Table.Encode(Vocabulary.NetworkRelations);

    private static readonly Dictionary<string, string> BranchWord = new()
    {
        ["01"] = "Agro", ["10"] = "Voeding", ["25"] = "Metaal", ["41"] = "Bouw", ["43"] = "Installatietechniek",
        ["45"] = "Auto's", ["46"] = "Groothandel", ["47"] = "Winkel", ["49"] = "Transport", ["52"] = "Logistiek",
        ["55"] = "Hotel", ["56"] = "Eetcafé", ["62"] = "IT", ["64"] = "Financiering", ["66"] = "Assurantiën",
        ["68"] = "Vastgoed", ["69"] = "Accountants", ["70"] = "Holding", ["73"] = "Media", ["77"] = "Verhuur",
        ["78"] = "Uitzendbureau", ["81"] = "Schoonmaak", ["85"] = "Opleidingen", ["86"] = "Zorg", ["88"] = "Welzijn",
        ["92"] = "Gaming", ["93"] = "Sport", ["96"] = "Kapsalon",
    };

    public static void Companies(SyntheticWorld world, Utf8RowWriter w)
    {
        var c = world.Companies;
        var b = world.Buildings;
        for (var i = 0; i < c.Count; i++)
        {
            w.Padded(c.Kvk[i], 8);
            w.Text(TradeName(world, i));
            w.Utf8(Sbi[c.Sbi[i]]);
            w.Utf8(Forms[c.LegalForm[i]]);
            w.Padded(b.BagId[c.Building[i]], 16);
            w.Date(c.FoundedDay[i]);
            w.Number(c.Employees[i]);
            w.EndRow();
        }
    }

    private static string TradeName(SyntheticWorld world, int i)
    {
        var c = world.Companies;
        if ((c.Flags[i] & CompanyTable.HousingCorporation) != 0)
            return "Woonstichting " + world.Geography.Municipalities[c.Municipality[i]].Name;
        var name = Names.SurnameTable[c.NameStem[i] % Names.SurnameTable.Length];
        name = char.ToUpperInvariant(name[0]) + name[1..];
        var core = name + " " + BranchWord[CompanyStage.Sbi[c.Sbi[i]]];
        return c.LegalForm[i] switch
        {
            CompanyTable.Partnership => core + " V.O.F.",
            CompanyTable.PrivateLimited => core + " B.V.",
            CompanyTable.PublicLimited => core + " N.V.",
            CompanyTable.Foundation => "Stichting " + core,
            CompanyTable.Cooperative => "Coöperatie " + core + " U.A.",
            _ => core,
        };
    }

    public static void Officers(SyntheticWorld world, Utf8RowWriter w)
    {
        foreach (var buffer in world.Officers)
            for (var i = 0; i < buffer.Company.Count; i++)
            {
                w.Padded(world.Companies.Kvk[buffer.Company.Items[i]], 8);
                w.Padded(world.Persons.Bsn[buffer.Person.Items[i]], 9);
                w.Utf8(Roles[buffer.Role.Items[i]]);
                w.Date(buffer.SinceDay.Items[i]);
                w.EndRow();
            }
    }

    public static void Jobs(SyntheticWorld world, Utf8RowWriter w)
    {
        var p = world.Persons;
        var reference = world.ReferenceDay;
        for (var i = 0; i < p.Count; i++)
        {
            if (p.Employer[i] < 0) continue;
            w.Padded(p.Bsn[i], 9);
            w.Padded(world.Companies.Kvk[p.Employer[i]], 8);
            var start = new DateOnly(p.JobStartYear[i], 1 + i % 12, 1 + i % 28).DayNumber;
            w.Date(Math.Min(start, reference));
            w.Number(p.Wage[i]);
            w.EndRow();
        }
    }

    /// <summary>
    /// The network is by far the largest file: it is cut into slices of at most a million links, formatted a few at a
    /// time in parallel and appended in order, so the bytes do not depend on scheduling and memory stays bounded.
    /// </summary>
    public static void Network(SyntheticWorld world, Utf8RowWriter w)
    {
        const int sliceRows = 1 << 20;
        var slices = new List<(LinkBuffer Chunk, int Start, int End)>();
        foreach (var chunk in world.Network.Chunks)
            for (var start = 0; start < chunk.Count; start += sliceRows)
                slices.Add((chunk, start, Math.Min(chunk.Count, start + sliceRows)));
        var batch = 2 * Environment.ProcessorCount;
        var memories = new MemoryStream[batch];
        var parts = new Utf8RowWriter[batch];
        for (var k = 0; k < batch; k++)
        {
            memories[k] = new MemoryStream(sliceRows * 48);
            parts[k] = new Utf8RowWriter(memories[k]);
        }
        try
        {
            for (var first = 0; first < slices.Count; first += batch)
            {
                var count = Math.Min(batch, slices.Count - first);
                Parallel.For(0, count, k =>
                {
                    var (chunk, start, end) = slices[first + k];
                    NetworkRows(world, chunk, start, end, parts[k]);
                });
                for (var k = 0; k < count; k++) w.Append(parts[k], memories[k]);
            }
        }
        finally
        {
            foreach (var part in parts) part.Dispose();
        }
    }

    private static void NetworkRows(SyntheticWorld world, LinkBuffer chunk, int start, int end, Utf8RowWriter w)
    {
        var bsn = world.Persons.Bsn;
        var layer = Layers[chunk.Layer];
        var a = chunk.A.Items;
        var b = chunk.B.Items;
        var r = chunk.Relation.Items;
        for (var i = start; i < end; i++)
        {
            w.Padded(bsn[a[i]], 9);
            w.Padded(bsn[b[i]], 9);
            w.Utf8(layer);
            w.Utf8(Relations[r[i]]);
            w.EndRow();
        }
    }
}
