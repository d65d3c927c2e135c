namespace Workbench.Cli.Infrastructure;

/// <summary>
/// Where the embedded defaults keep local state: the pseudonymisation key, raw deliveries and the analytical store.
/// <c>WORKBENCH_HOME</c> overrides the default <c>.workbench</c> in the current directory; options override both.
/// </summary>
internal static class WorkbenchHome
{
    public static string Root =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("WORKBENCH_HOME") is { Length: > 0 } home ? home : ".workbench");

    public static string KeyFile => Path.Combine(Root, "pseudonym.key");

    public static string Deliveries => Path.Combine(Root, "deliveries");

    public static string Store => Path.Combine(Root, "store.duckdb");

    /// <summary>
    /// The notebook work areas, beside the data directory rather than in it: the data directory is owner-only (0700),
    /// and the kernel sandbox's uid must pass through to its work directory (the areas' own folders are 0711).
    /// </summary>
    public static string Notebooks => Root.TrimEnd(Path.DirectorySeparatorChar) + "-notebooks";
}
