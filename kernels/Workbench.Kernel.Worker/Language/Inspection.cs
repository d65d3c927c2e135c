namespace Workbench.Kernel.Worker.Language;

/// <summary>The documentation of the symbol under the cursor, as Markdown (and the same text as plain text).</summary>
public sealed record Inspection(bool Found, string Markdown)
{
    public static Inspection NotFound { get; } = new(false, "");
}
