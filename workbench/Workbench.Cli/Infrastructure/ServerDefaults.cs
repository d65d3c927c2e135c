using Microsoft.Extensions.Configuration;

namespace Workbench.Cli.Infrastructure;

/// <summary>
/// The configuration the server runs on under <c>workbench up</c>: its appsettings.json and appsettings.Development.json
/// (which travel with the server assembly) and then environment variables such as <c>Database__ConnectionString</c>,
/// exactly as the server reads them. The values stay in the server's files; the CLI never repeats them.
/// </summary>
internal static class ServerDefaults
{
    public const string Environment = "Development";

    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: false)
        .AddJsonFile($"appsettings.{Environment}.json", optional: false)
        .AddEnvironmentVariables()
        .Build();
}
