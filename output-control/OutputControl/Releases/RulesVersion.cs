namespace OutputControl.Releases;

/// <summary>Which disclosure rules checked an output: the contract version and this library's build.</summary>
public static class RulesVersion
{
    /// <summary>Such as <c>output-control contract v1, OutputControl 1.0.0</c>; recorded in every release receipt.</summary>
    public static readonly string Current =
        $"output-control contract v1, OutputControl {typeof(RulesVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";
}
