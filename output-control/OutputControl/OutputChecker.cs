using OutputControl.Differencing;
using OutputControl.Linked;
using OutputControl.Noise;
using OutputControl.Requests;
using OutputControl.Results;
using OutputControl.Rounding;
using OutputControl.Rules;
using OutputControl.Suppression;
using OutputControl.Tables;

namespace OutputControl;

/// <summary>
/// The gateway: decides what of an output may be published. Primary rules, secondary suppression with an audit of
/// every pattern, rounding of the published counts, differencing against earlier releases, and the model rule; or,
/// when the policy asks for cell-key noise, noise on every count cell instead (<see cref="CellKeyMethod"/>).
/// </summary>
public static class OutputChecker
{
    private const int MaxListed = 5;

    /// <summary>Parses, validates and checks a request document.</summary>
    public static CheckResult Check(string requestJson, CheckOptions? options = null) =>
        Check(RequestParser.Parse(requestJson), options);

    /// <summary>
    /// Parses, validates and checks a request under <paramref name="enforced"/>, whatever policy the request asks for:
    /// a weaker one is refused (<see cref="PolicyRefusedException"/>), any other is ignored
    /// (<see cref="RequestParser.ParseUnder"/>). The result carries <paramref name="enforced"/> as its policy.
    /// </summary>
    public static CheckResult CheckUnder(string requestJson, Policy enforced, CheckOptions? options = null) =>
        Check(RequestParser.ParseUnder(requestJson, enforced), options);

    /// <summary>Checks a request; throws <see cref="InvalidRequestException"/> for an invalid table.</summary>
    public static CheckResult Check(CheckRequest request, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= CheckOptions.Default;
        return request.Output switch
        {
            ModelOutput model => CheckModel(model, request.Policy),
            TableOutput table when request.Policy.CellKey is { } cellKey => CellKeyMethod.Check(table, request.Policy, cellKey),
            TableOutput table => CheckTable(table, request, options),
            _ => throw new InvalidRequestException("kind", "unknown output kind"),
        };
    }

    private static CheckResult CheckModel(ModelOutput model, Policy policy)
    {
        if (model.ResidualDf >= policy.MinResidualDf)
        {
            return new CheckResult(Verdict.Safe, [], [], policy);
        }

        var finding = new Finding(
            "residualDf",
            $"residual degrees of freedom {model.ResidualDf} = {model.Observations} observations − {model.Parameters} parameters < {policy.MinResidualDf}");
        return new CheckResult(Verdict.Blocked, [], [finding], policy);
    }

    private static CheckResult CheckTable(TableOutput table, CheckRequest request, CheckOptions options)
    {
        var policy = request.Policy;
        var grid = TableGrid.Build(table);
        var primary = new bool[grid.Count];
        var requirement = new ProtectionRequirement[grid.Count];
        var reasons = new Dictionary<int, IReadOnlyList<string>>();
        var review = new List<int>();
        for (var c = 0; c < grid.Count; c++)
        {
            var assessment = PrimaryRules.Assess(table.Measure, grid.Value[c], grid.Units[c], grid.Contributions(c), policy);
            primary[c] = assessment.IsPrimary;
            requirement[c] = assessment.Requirement;
            if (assessment.Reasons.Count > 0)
            {
                reasons[c] = assessment.Reasons;
            }

            if (assessment.NeedsManualReview)
            {
                review.Add(c);
            }
        }

        // Linked releases: a cell an earlier release hid stays hidden, and the pattern must hold against all of them.
        var byRules = (bool[])primary.Clone();
        var cover = CoverTable.Build(grid, request.Previous);
        var hidden = new ProtectionRequirement(policy.MinUnits, 0, 0);
        foreach (var c in cover.HiddenInOutput)
        {
            if (!primary[c])
            {
                primary[c] = true;
                requirement[c] = hidden;
                reasons[c] = ["linked: not published in an earlier release"];
            }
        }

        var problem = new ProtectionProblem(grid, primary, requirement);
        var pattern = SecondarySuppression.Protect(problem, policy.Secondary, options.OptimalTimeLimit);
        var suppressed = pattern.Suppressed;
        var findings = new List<Finding>();
        if (cover.Shared.Count > 0)
        {
            findings.Add(new Finding("linked", "protected as one cover table with " +
                string.Join(", ", cover.Shared.OrderBy(s => s.Key).Select(s => $"previous[{s.Key}] ({s.Value} cells shared)"))));
            if (pattern.Protected)
            {
                var (isProtected, failures, note) = LinkedProtection.Protect(problem, cover, suppressed, hidden, options.OptimalTimeLimit);
                pattern = pattern with { Protected = isProtected, AuditFailures = failures };
                if (note is not null)
                {
                    findings.Add(new Finding("secondary", note));
                }
            }
        }

        if (review.Count > 0)
        {
            findings.Add(new Finding("manualReview", $"{review.Count} sum cell(s) without contributions: {List(grid, review)}"));
        }

        findings.AddRange(pattern.Notes.Select(n => new Finding("secondary", n)));
        findings.AddRange(pattern.AuditFailures.Take(MaxListed).Select(f => new Finding("audit", f)));
        if (!pattern.Protected)
        {
            findings.Add(new Finding("audit", "no suppression pattern could be proven to protect every primary cell"));
        }

        findings.AddRange(DifferencingCheck.Find(table, i => !suppressed[grid.CellOf[i]], request.Previous, policy));
        var blocked = !pattern.Protected || findings.Any(f => f.Rule == "differencing");
        var anySuppressed = suppressed.Any(s => s);
        var verdict = blocked ? Verdict.Blocked : anySuppressed ? Verdict.Protected : Verdict.Safe;
        var cells = Cells(grid, problem, byRules, suppressed, reasons, policy, table.Measure, blocked);
        return new CheckResult(verdict, cells, findings, policy);
    }

    private static List<CellResult> Cells(
        TableGrid grid, ProtectionProblem problem, bool[] byRules, bool[] suppressed, Dictionary<int, IReadOnlyList<string>> reasons,
        Policy policy, Measure measure, bool blocked)
    {
        var protects = Protects(grid, problem, suppressed);
        var order = new List<int>(grid.Table.Cells.Count);
        var listed = new bool[grid.Count];
        foreach (var c in grid.CellOf)
        {
            order.Add(c);
            listed[c] = true;
        }

        // Structural zeros appear in the result only when suppressed.
        for (var c = 0; c < grid.Count; c++)
        {
            if (!listed[c] && suppressed[c])
            {
                order.Add(c);
            }
        }

        var result = new List<CellResult>(order.Count);
        foreach (var c in order)
        {
            var why = reasons.TryGetValue(c, out var r) ? r.ToList() : [];
            CellStatus status;
            decimal? published = null;
            if (byRules[c])
            {
                status = CellStatus.Primary;
            }
            else if (suppressed[c])
            {
                status = CellStatus.Secondary;
                if (!problem.Primary[c])
                {
                    why.Add($"protects {protects(c)}");
                }
            }
            else
            {
                status = CellStatus.Published;
                published = blocked ? null
                    : measure == Measure.Count ? Rounder.Round(grid.Value[c], policy.RoundingBase, policy.MidpointRounding)
                    : grid.Value[c];
            }

            result.Add(new CellResult(grid.Key(c), status, published, why));
        }

        return result;
    }

    /// <summary>Names, for a secondary cell, the primaries in its group of linked suppressed cells.</summary>
    private static Func<int, string> Protects(TableGrid grid, ProtectionProblem problem, bool[] suppressed)
    {
        var text = new Dictionary<int, string>();
        foreach (var group in Components.Of(grid, suppressed))
        {
            var primaries = group.Where(c => problem.Primary[c]).ToList();
            var names = primaries.Count > 0 ? List(grid, primaries) : "a cell a linked earlier release did not publish";
            foreach (var c in group)
            {
                text[c] = names;
            }
        }

        return c => text[c];
    }

    private static string List(TableGrid grid, List<int> cells)
    {
        var more = cells.Count > MaxListed ? $" and {cells.Count - MaxListed} more" : string.Empty;
        return string.Join(", ", cells.Take(MaxListed).Select(grid.FormatKey)) + more;
    }
}
