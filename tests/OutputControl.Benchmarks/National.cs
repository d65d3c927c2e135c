using System.Diagnostics;
using System.Globalization;
using OutputControl;
using OutputControl.Audit;
using OutputControl.Requests;
using OutputControl.Results;
using OutputControl.Rules;
using OutputControl.Tables;

/// <summary>
/// The dashboard's table at national size: gemeente ⊃ wijk ⊃ buurt (342 / 3,300 / 14,000 areas) × SBI section (21)
/// × quarter (4), every subtotal and total published. Protected as one hierarchical table (optimal, subtable by
/// subtable, and fast), against today's flat method: three separate tables (buurt, wijk, gemeente × section ×
/// quarter) each protected on its own, whose union is then audited against the hierarchy's relations.
/// </summary>
internal static class National
{
    public static void Run(double scale, string only, TimeSpan optimalLimit)
    {
        var gemeenten = (int)Math.Round(342 * scale);
        var (table, levels) = Generate(gemeenten, seed: 2026);
        var inner = table.Cells.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"national table: {levels.Gemeenten} gemeenten, {levels.Wijken} wijken, {levels.Buurten} buurten x 21 sections x 4 quarters; {inner:N0} cells with subtotals"));
        Console.WriteLine("method                         seconds  verdict    primaries  secondaries  suppressed-value  narrowed  not-proven");
        bool Runs(string method) => only.Length == 0 || only.Split(',').Contains(method);
        (double Seconds, decimal Cost)? flat = Runs("flat") ? Flat(table, levels) : null;
        (double Seconds, decimal Cost)? fast = Runs("fast") ? Time("hierarchical fast", table, SecondaryMethod.Fast, optimalLimit) : null;
        (double Seconds, decimal Cost)? optimal = Runs("optimal")
            ? Time(string.Create(CultureInfo.InvariantCulture, $"hierarchical optimal {optimalLimit.TotalSeconds:0} s"), table, SecondaryMethod.Optimal, optimalLimit)
            : null;
        Ratio("hierarchical optimal / flat", optimal, flat);
        Ratio("hierarchical fast / flat", fast, flat);
        Ratio("hierarchical optimal / fast", optimal, fast);
    }

    /// <summary>Time and suppressed-value ratios of two methods, when both ran.</summary>
    private static void Ratio(string name, (double Seconds, decimal Cost)? method, (double Seconds, decimal Cost)? peer)
    {
        if (method is { } m && peer is { } p)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ratio {name + ":",-30} time {m.Seconds / p.Seconds:0.00}, suppressed value {m.Cost / Math.Max(p.Cost, 1):0.000}"));
        }
    }

    private static (double Seconds, decimal Cost) Time(string name, TableOutput table, SecondaryMethod method, TimeSpan optimalLimit)
    {
        var clock = Stopwatch.StartNew();
        var result = OutputChecker.Check(new CheckRequest(new Policy(secondary: method), table, []), new CheckOptions { OptimalTimeLimit = optimalLimit });
        var seconds = clock.Elapsed.TotalSeconds;
        var values = table.Cells.ToDictionary(c => string.Join('\u001f', c.Key), c => c.Value);
        var secondaries = result.Cells.Where(c => c.Status == CellStatus.Secondary).ToList();
        var cost = secondaries.Sum(c => values.GetValueOrDefault(string.Join('\u001f', c.Key)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-29} {seconds,8:0.0}  {result.Verdict,-9} {result.Cells.Count(c => c.Status == CellStatus.Primary),10} {secondaries.Count,12} {cost,17} {0,9} {0,11}"));
        foreach (var f in result.Findings.Take(4))
        {
            Console.WriteLine($"  finding {f.Rule}: {f.Detail}");
        }

        return (seconds, cost);
    }

    /// <summary>Today's flat method: each level its own table, protected alone (fast: one MIP over a million cells is
    /// out of reach), then the union audited as the hierarchy the public sees.</summary>
    private static (double Seconds, decimal Cost) Flat(TableOutput table, Levels levels)
    {
        var clock = Stopwatch.StartNew();
        var suppressedKeys = new HashSet<string>(StringComparer.Ordinal);
        var cost = 0m;
        var secondaries = 0;
        foreach (var level in new[] { levels.BuurtCodes, levels.WijkCodes, levels.GemeenteCodes })
        {
            var set = level.ToHashSet(StringComparer.Ordinal);
            var area = new Dimension("gebied", level, "NL");
            var cells = table.Cells.Where(c => set.Contains(c.Key[0]) || c.Key[0] == "NL").ToList();
            var flat = new TableOutput(Measure.Count, [area, table.Dimensions[1], table.Dimensions[2]], cells);
            var result = OutputChecker.Check(new CheckRequest(new Policy(secondary: SecondaryMethod.Fast), flat, []));
            foreach (var f in result.Findings.Take(3))
            {
                Console.WriteLine($"  finding ({level.Length} areas) {f.Rule}: {f.Detail}");
            }
            foreach (var c in result.Cells.Where(c => c.Status != CellStatus.Published))
            {
                suppressedKeys.Add(string.Join('\u001f', c.Key));
            }

            var values = cells.ToDictionary(c => string.Join('\u001f', c.Key), c => c.Value);
            foreach (var c in result.Cells.Where(c => c.Status == CellStatus.Secondary))
            {
                cost += values.GetValueOrDefault(string.Join('\u001f', c.Key));
                secondaries++;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var grid = TableGrid.Build(table);
        var primary = new bool[grid.Count];
        var requirement = new ProtectionRequirement[grid.Count];
        var suppressed = new bool[grid.Count];
        var policy = Policy.Default;
        for (var c = 0; c < grid.Count; c++)
        {
            var a = PrimaryRules.Assess(Measure.Count, grid.Value[c], grid.Units[c], null, policy);
            primary[c] = a.IsPrimary;
            requirement[c] = a.Requirement;
            suppressed[c] = suppressedKeys.Contains(string.Join('\u001f', grid.Key(c)));
        }

        var failures = PatternAuditor.Audit(new ProtectionProblem(grid, primary, requirement), suppressed);
        var narrowed = failures.Where(f => !f.Detail.Contains("not proven", StringComparison.Ordinal)).Select(f => f.Cell).ToHashSet();
        var notProven = failures.Select(f => f.Cell).Where(c => !narrowed.Contains(c)).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"flat (3 separate tables)",-29} {seconds,8:0.0}  {"-",-9} {primary.Count(p => p),10} {secondaries,12} {cost,17} {narrowed.Count,9} {notProven,11}"));
        return (seconds, cost);
    }

    internal sealed record Levels(string[] GemeenteCodes, string[] WijkCodes, string[] BuurtCodes)
    {
        public int Gemeenten => GemeenteCodes.Length;

        public int Wijken => WijkCodes.Length;

        public int Buurten => BuurtCodes.Length;
    }

    /// <summary>Counts per buurt × section × quarter: 8% zero, 6% small (1–9 units, primaries), the rest 10–120;
    /// 5–14 wijken per gemeente and 2–7 buurten per wijk (at full size about 3,300 wijken and 14,600 buurten, as in the
    /// Netherlands).</summary>
    private static (TableOutput Table, Levels Levels) Generate(int gemeenten, int seed)
    {
        var random = new Random(seed);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var g = new List<string>();
        var w = new List<string>();
        var b = new List<string>();
        for (var i = 0; i < gemeenten; i++)
        {
            var gm = $"GM{i:D4}";
            g.Add(gm);
            var wijken = random.Next(5, 15);
            for (var j = 0; j < wijken; j++)
            {
                var wk = $"WK{i:D4}{j:D2}";
                w.Add(wk);
                parents[wk] = gm;
                var buurten = random.Next(2, 8);
                for (var k = 0; k < buurten; k++)
                {
                    var bu = $"BU{i:D4}{j:D2}{k:D2}";
                    b.Add(bu);
                    parents[bu] = wk;
                }
            }
        }

        string[] categories = [.. g, .. w, .. b];
        var area = new Dimension("gebied", categories, "NL", parents);
        var sections = Enumerable.Range(0, 21).Select(i => ((char)('A' + i)).ToString()).ToArray();
        var quarters = new[] { "Q1", "Q2", "Q3", "Q4" };
        var n = categories.Length + 1;
        const int S = 22;
        const int Q = 5;
        var value = new long[n * S * Q];
        int At(int a, int s, int q) => (((a * S) + s) * Q) + q;
        var firstBuurt = g.Count + w.Count;
        for (var a = firstBuurt; a < categories.Length; a++)
        {
            for (var s = 0; s < 21; s++)
            {
                for (var q = 0; q < 4; q++)
                {
                    var r = random.NextDouble();
                    value[At(a, s, q)] = r < 0.08 ? 0 : r < 0.14 ? random.Next(1, 10) : random.Next(10, 121);
                }
            }
        }

        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        for (var a = firstBuurt; a < categories.Length; a++)
        {
            for (var s = 0; s < 21; s++)
            {
                for (var q = 0; q < 4; q++)
                {
                    value[At(a, s, 4)] += value[At(a, s, q)];
                }
            }

            for (var q = 0; q < 5; q++)
            {
                for (var s = 0; s < 21; s++)
                {
                    value[At(a, 21, q)] += value[At(a, s, q)];
                }
            }
        }

        // Buurten into wijken, wijken into gemeenten, gemeenten into NL (children come after parents in the list).
        for (var a = categories.Length - 1; a >= 0; a--)
        {
            var parent = parents.TryGetValue(categories[a], out var p) ? index[p] : n - 1;
            for (var x = 0; x < S * Q; x++)
            {
                value[(parent * S * Q) + x] += value[(a * S * Q) + x];
            }
        }

        var labels = categories.Append("NL").ToArray();
        var sectionLabels = sections.Append("Totaal").ToArray();
        var quarterLabels = quarters.Append("Totaal").ToArray();
        var cells = new List<CellInput>(value.Length);
        for (var a = 0; a < n; a++)
        {
            for (var s = 0; s < S; s++)
            {
                for (var q = 0; q < Q; q++)
                {
                    var v = value[At(a, s, q)];
                    if (v != 0 || a < firstBuurt || a == n - 1 || s == 21 || q == 4)
                    {
                        cells.Add(new CellInput([labels[a], sectionLabels[s], quarterLabels[q]], v, v, null));
                    }
                }
            }
        }

        var table = new TableOutput(Measure.Count, [area, new Dimension("sbi", sections, "Totaal"), new Dimension("kwartaal", quarters, "Totaal")], cells);
        return (table, new Levels([.. g], [.. w], [.. b]));
    }
}
