using Spectre.Console.Cli;
using Workbench.Cli.Audit;
using Workbench.Cli.Data;
using Workbench.Cli.Demo;
using Workbench.Cli.Kernel;

namespace Workbench.Cli.Infrastructure;

/// <summary>The command tree of the <c>workbench</c> program.</summary>
internal static class WorkbenchApp
{
    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("workbench");
            config.SetExceptionHandler(CliErrors.Handle);
            config.AddCommand<UpCommand>("up")
                .WithDescription("Set up and run the product on its embedded defaults: key, synthetic demo data, store, then the server.");
            config.AddBranch("audit", audit =>
            {
                audit.SetDescription("The tamper-evident audit log.");
                audit.AddCommand<VerifyCommand>("verify")
                    .WithDescription("Check the hash chain and signed checkpoints. Exit 0 intact, 3 tampered with (first bad entry on stderr), 2 bad input.");
            });
            config.AddBranch("data", data =>
            {
                data.SetDescription("Synthetic deliveries, pseudonymisation on arrival, the analytical store and its catalogue.");
                data.AddCommand<GenerateCommand>("generate").WithDescription("Write synthetic raw deliveries with direct identifiers.");
                data.AddCommand<KeygenCommand>("keygen").WithDescription("Create a new pseudonymisation key file (owner-only permissions).");
                data.AddCommand<IngestCommand>("ingest").WithDescription("Pseudonymise a delivery directory into the analytical store.");
                data.AddCommand<CatalogCommand>("catalog").WithDescription("List the datasets in the store with their columns.");
                data.AddCommand<ViewCommand>("view").WithDescription("Build a project view: allowlisted datasets and columns under project pseudonyms.");
            });
            config.AddBranch("kernel", kernel =>
            {
                kernel.SetDescription("The Jupyter kernel workbench-csharp.");
                kernel.AddCommand<InstallCommand>("install").WithDescription("Install the kernelspec workbench-csharp for the current user.");
            });
        });
        return app;
    }
}
