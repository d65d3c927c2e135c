using System.Reflection;

namespace Workbench.Kernel.Front.Tests.Infrastructure;

/// <summary>The front process as built by the solution (the same file <c>workbench kernel install</c> points Jupyter at).</summary>
internal static class KernelFront
{
    public static string Dll { get; } =
        typeof(KernelFront).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KernelFrontPath").Value!;

    public static string DotnetHost { get; } = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
