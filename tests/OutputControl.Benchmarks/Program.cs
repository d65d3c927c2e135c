using System.Diagnostics;
using System.Globalization;
using OutputControl;
using OutputControl.Requests;
using OutputControl.Results;

// Times the output-control gateway on generated count tables with all margins: optimal vs fast on the same 2-D
// tables (time and cost ratio), and fast + full audit on 3-D tables up to 1,000,000 inner cells.
// Usage: OutputControl.Benchmarks [quick] [national [scale=x] [only=flat,fast,optimal] [limit=seconds]]
var quick = args.Contains("quick");
if (args.Contains("national"))
{
    string? Option(string name) => args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
    var scale = Option("scale") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : quick ? 0.05 : 1.0;
    // limit=SECONDS: the optimal method's time budget for the whole table (the server's Releases:CheckTimeLimit is 60).
    var limit = TimeSpan.FromSeconds(Option("limit") is { } l ? double.Parse(l, CultureInfo.InvariantCulture) : 600);
    National.Run(scale, Option("only") ?? string.Empty, limit);
    return;
}

Console.WriteLine("table            cells(inner)  method    seconds  verdict    primaries  secondaries  suppressed-value");
var twoWay = quick ? new[] { 25, 50 } : [25, 50, 71, 100];
foreach (var n in twoWay)
{
    var table = Generate([n, n], seed: n);
    var optimal = Time(table, SecondaryMethod.Optimal, $"2-D {n}x{n}");
    var fast = Time(table, SecondaryMethod.Fast, $"2-D {n}x{n}");
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"  ratio optimal/fast: time {optimal.Seconds / fast.Seconds:0.00}, suppressed value {optimal.Cost / Math.Max(fast.Cost, 1):0.000}"));
}

var threeWay = quick ? new[] { 20, 50 } : [20, 50, 100];
foreach (var n in threeWay)
{
    Time(Generate([n, n, n], seed: n), SecondaryMethod.Fast, $"3-D {n}x{n}x{n}");
}

static (double Seconds, decimal Cost) Time(TableOutput table, SecondaryMethod method, string name)
{
    var policy = new Policy(secondary: method);
    var clock = Stopwatch.StartNew();
    var result = OutputChecker.Check(new CheckRequest(policy, table, []), new CheckOptions { OptimalTimeLimit = TimeSpan.FromSeconds(120) });
    var seconds = clock.Elapsed.TotalSeconds;
    var values = table.Cells.ToDictionary(c => string.Join('\u001f', c.Key), c => c.Value);
    var secondaries = result.Cells.Where(c => c.Status == CellStatus.Secondary).ToList();
    var cost = secondaries.Sum(c => values.GetValueOrDefault(string.Join('\u001f', c.Key)));
    var inner = table.Dimensions.Aggregate(1L, (a, d) => a * d.Categories.Count);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-16} {inner,12}  {method,-8} {seconds,8:0.00}  {result.Verdict,-9} {result.Cells.Count(c => c.Status == CellStatus.Primary),10} {secondaries.Count,12} {cost,17}"));
    foreach (var f in result.Findings.Take(3))
    {
        Console.WriteLine($"  finding {f.Rule}: {f.Detail}");
    }

    return (seconds, cost);
}

// Inner counts: 4% are small (1..9 units, primaries), the rest 10..200; every margin is the sum of its cells.
static TableOutput Generate(int[] sizes, int seed)
{
    var random = new Random(seed);
    var d = sizes.Length;
    var ext = sizes.Select(s => s + 1).ToArray();
    var stride = new int[d];
    var count = 1;
    for (var k = d - 1; k >= 0; k--)
    {
        stride[k] = count;
        count *= ext[k];
    }

    var value = new long[count];
    for (var c = 0; c < count; c++)
    {
        var inner = true;
        for (var k = 0; k < d; k++)
        {
            inner &= c / stride[k] % ext[k] < sizes[k];
        }

        if (inner)
        {
            value[c] = random.NextDouble() < 0.04 ? random.Next(1, 10) : random.Next(10, 201);
        }
    }

    for (var k = 0; k < d; k++)
    {
        for (var c = 0; c < count; c++)
        {
            if (c / stride[k] % ext[k] == sizes[k])
            {
                var sum = 0L;
                for (var i = 1; i <= sizes[k]; i++)
                {
                    sum += value[c - (i * stride[k])];
                }

                value[c] = sum;
            }
        }
    }

    var labels = sizes.Select(s => Enumerable.Range(0, s).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).Append("T").ToArray()).ToArray();
    var dims = Enumerable.Range(0, d).Select(k => new Dimension($"d{k}", labels[k][..^1], "T")).ToArray();
    var cells = new List<CellInput>(count);
    for (var c = 0; c < count; c++)
    {
        var key = new string[d];
        for (var k = 0; k < d; k++)
        {
            key[k] = labels[k][c / stride[k] % ext[k]];
        }

        cells.Add(new CellInput(key, value[c], value[c], null));
    }

    return new TableOutput(OutputControl.Requests.Measure.Count, dims, cells);
}
