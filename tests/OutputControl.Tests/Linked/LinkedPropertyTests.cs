using CsCheck;
using Google.OrTools.LinearSolver;
using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Tests.Linked;

/// <summary>
/// Two tables from the same microdata released one after the other — area × age, then area × sex — judged by an
/// attacker who knows both releases and solves over the microdata's own cube (area × sex × age counts, non-negative),
/// not over the library's cover table: no primary of either table may be narrowed below its width.
/// </summary>
public class LinkedPropertyTests
{
    private static readonly string[] Areas = ["A", "B", "C"];
    private static readonly string[] Sexes = ["m", "v"];
    private static readonly string[] Ages = ["jong", "oud"];

    [Fact]
    public void Check_TwoReleasesOfOneCube_NoPrimaryNarrowedByBoth() =>
        Gen.Int[0, 14].Array[Areas.Length * Sexes.Length * Ages.Length].Sample(cube =>
        {
            var first = Table("leeftijd", Ages, (a, g) => Sum(cube, a, null, g));
            var firstResult = OutputChecker.Check(new CheckRequest(Policy.Default, first, []));
            if (firstResult.Verdict == Verdict.Blocked)
            {
                return;
            }

            var released = first with { Cells = [.. first.Cells.Select(c => c with { Suppressed = Status(firstResult, c.Key) != CellStatus.Published })] };
            var second = Table("geslacht", Sexes, (a, s) => Sum(cube, a, s, null));
            var secondResult = OutputChecker.Check(new CheckRequest(Policy.Default, second, [released]));
            if (secondResult.Verdict == Verdict.Blocked)
            {
                return;
            }

            foreach (var (table, result, isAge) in new[] { (first, firstResult, true), (second, secondResult, false) })
            {
                foreach (var cell in result.Cells.Where(c => c.Status == CellStatus.Primary))
                {
                    var (lo, hi) = Interval(cube, firstResult, secondResult, cell.Key, isAge);
                    Assert.True(hi - lo >= 10 - 1e-6, $"{(isAge ? "first" : "second")} {string.Join(",", cell.Key)} narrowed to [{lo}, {hi}] (cube {string.Join(",", cube)})");
                }
            }
        }, iter: 60, threads: 1);

    private static CellStatus Status(CheckResult result, IReadOnlyList<string> key) => result.Cells.Single(c => c.Key.SequenceEqual(key)).Status;

    private static TableOutput Table(string name, string[] categories, Func<string?, string?, int> value)
    {
        var cells = new List<CellInput>();
        foreach (var a in Areas.Append("T"))
        {
            foreach (var c in categories.Append("T"))
            {
                var v = value(a == "T" ? null : a, c == "T" ? null : c);
                cells.Add(new CellInput([a, c], v, v, null));
            }
        }

        return new TableOutput(Measure.Count, [new Dimension("gebied", Areas, "T"), new Dimension(name, categories, "T")], cells);
    }

    private static int Sum(int[] cube, string? area, string? sex, string? age)
    {
        var sum = 0;
        foreach (var (a, s, g, i) in Leaves())
        {
            if ((area is null || area == a) && (sex is null || sex == s) && (age is null || age == g))
            {
                sum += cube[i];
            }
        }

        return sum;
    }

    private static IEnumerable<(string Area, string Sex, string Age, int Index)> Leaves()
    {
        var i = 0;
        foreach (var a in Areas)
        {
            foreach (var s in Sexes)
            {
                foreach (var g in Ages)
                {
                    yield return (a, s, g, i++);
                }
            }
        }
    }

    /// <summary>The cell's interval over all non-negative cubes that reproduce every published value of both releases.</summary>
    private static (double Lo, double Hi) Interval(int[] cube, CheckResult first, CheckResult second, IReadOnlyList<string> key, bool isAge)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var x = Leaves().Select(_ => solver.MakeNumVar(0, double.PositiveInfinity, string.Empty)).ToArray();
        IEnumerable<int> Under(IReadOnlyList<string> k, bool age) => Leaves()
            .Where(l => (k[0] == "T" || k[0] == l.Area) && (k[1] == "T" || k[1] == (age ? l.Age : l.Sex))).Select(l => l.Index);
        foreach (var (result, age) in new[] { (first, true), (second, false) })
        {
            foreach (var cell in result.Cells.Where(c => c.Status == CellStatus.Published))
            {
                var under = Under(cell.Key, age).ToList();
                var row = solver.MakeConstraint(under.Sum(i => cube[i]), under.Sum(i => cube[i]), string.Empty);
                foreach (var i in under)
                {
                    row.SetCoefficient(x[i], 1);
                }
            }
        }

        var target = Under(key, isAge).ToList();
        double Solve(bool max)
        {
            var objective = solver.Objective();
            objective.Clear();
            foreach (var i in target)
            {
                objective.SetCoefficient(x[i], 1);
            }

            if (max)
            {
                objective.SetMaximization();
            }
            else
            {
                objective.SetMinimization();
            }

            return solver.Solve() == Solver.ResultStatus.OPTIMAL ? objective.Value() : double.PositiveInfinity;
        }

        return (Solve(false), Solve(true));
    }
}
