using OutputControl.Requests;
using OutputControl.Results;

namespace Workbench.Api;

/// <summary>
/// The output-control result of a table, computed in the kernel with the server's library and default policy: the
/// verdict, every cell's status, published (rounded) value and reasons, and whole-output findings. Shown as HTML.
/// </summary>
public sealed record OutputPreview(TableOutput Table, CheckResult Result)
{
    /// <summary>safe, protected or blocked.</summary>
    public Verdict Verdict => Result.Verdict;

    /// <summary>The result document of the contract.</summary>
    public string ToJson() => ResultJson.Write(Result);

    /// <summary>The protected table as HTML: one row per cell with its raw value, units, status, published value and reasons.</summary>
    public string ToHtml() => PreviewHtml.Render(this);

    /// <inheritdoc />
    public override string ToString()
    {
        var suppressed = Result.Cells.Count(c => c.Status != CellStatus.Published);
        return $"{Result.Verdict}: {Result.Cells.Count} cells, {suppressed} suppressed, {Result.Findings.Count} findings";
    }
}
