using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Cli.Data;
using Workbench.Cli.Infrastructure;
using Workbench.Microdata.Catalogue;
using Workbench.Microdata.Generation;
using Workbench.Microdata.Pseudonymisation;

namespace Workbench.Cli.Demo;

/// <summary>
/// <c>workbench up</c>: the product on its embedded defaults. Creates the demo key if there is none, generates the
/// synthetic deliveries (unless the same population is already there), ingests them and shows the catalogue; then
/// runs the server in Development (SQLite and demo users under WORKBENCH_HOME) until Ctrl+C.
/// Safe to run again: nothing unchanged is generated or ingested twice.
/// </summary>
internal sealed class UpCommand : AsyncCommand<UpCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--persons <N>")]
        [Description("Size of the synthetic demo population.")]
        public int Persons { get; init; } = 100_000;

        [CommandOption("--seed <S>")]
        [Description("Seed of the synthetic demo population.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--port <PORT>")]
        [Description("Loopback port of the server.")]
        public int Port { get; init; } = 5080;

        [CommandOption("--notebook-port <PORT>")]
        [Description("Port of the notebooks' own origin, http://localhost:PORT (default: --port + 1).")]
        public int? NotebookPort { get; init; }

        public int NotebookPortOrDefault => NotebookPort ?? Port + 1;

        [CommandOption("--no-server")]
        [Description("Prepare the data and stop, without running the server (for scripts and tests).")]
        public bool NoServer { get; init; }

        public override ValidationResult Validate() =>
            Port is <= 0 or > 65535 ? ValidationResult.Error("--port: give a port between 1 and 65535")
            : NotebookPortOrDefault is <= 0 or > 65535 || NotebookPortOrDefault == Port
                ? ValidationResult.Error("--notebook-port: give a port between 1 and 65535 other than --port (the notebooks need an origin of their own)")
                : ValidationResult.Success();
    }

    private sealed record DemoPopulation(int Persons, int Seed);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        PrepareData(settings, cancellationToken);
        InstallKernelWhereJupyterIs(new Uri($"http://127.0.0.1:{settings.Port}/"));
        if (settings.NoServer) return 0;
        await DemoServer.RunAsync(settings.Port, settings.NotebookPortOrDefault, settings.Seed, cancellationToken);
        return 0;
    }

    private static void PrepareData(Settings settings, CancellationToken cancellationToken)
    {
        // The data directory 0700, and everything written into it (deliveries, store, key) owner-only as it is created.
        if (Workbench.Server.Database.OwnerOnlyDataDirectory.EnsureDirectory(WorkbenchHome.Root))
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(WorkbenchHome.Root)} could be read by other accounts; it is owner-only now.");
        }
        using var ownerOnly = OwnerOnlyFiles.Scope();
        using var key = DemoKey();

        var marker = Path.Combine(WorkbenchHome.Root, "demo-population.json");
        var wanted = new DemoPopulation(settings.Persons, settings.Seed);
        var existing = File.Exists(marker) ? JsonSerializer.Deserialize<DemoPopulation>(File.ReadAllText(marker)) : null;
        if (existing == wanted && File.Exists(Path.Combine(WorkbenchHome.Deliveries, "manifest.json")))
        {
            AnsiConsole.MarkupLine($"Synthetic deliveries for {wanted.Persons:N0} persons (seed {wanted.Seed}) are in place.");
        }
        else
        {
            File.Delete(marker);
            GenerateCommand.Generate(new GeneratorOptions { Persons = wanted.Persons, Seed = wanted.Seed }, WorkbenchHome.Deliveries, cancellationToken);
            File.WriteAllText(marker, JsonSerializer.Serialize(wanted));
        }

        var report = IngestCommand.Ingest(WorkbenchHome.Deliveries, WorkbenchHome.Store, key, null, cancellationToken);
        IngestCommand.Render(report);
        CatalogCommand.RenderDatasets(DatasetCatalogue.Read(WorkbenchHome.Store));
        AnsiConsole.MarkupLine($"Workbench data is ready in {Markup.Escape(WorkbenchHome.Root)}. 'workbench data catalog <dataset>' shows a dataset's columns.");
    }

    /// <summary>
    /// The kernelspec <c>workbench-csharp</c> for the current user when Jupyter is on this machine (as
    /// <c>workbench kernel install</c> does); without Jupyter there is nothing to install it into.
    /// </summary>
    private static void InstallKernelWhereJupyterIs(Uri server)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, "jupyter"))))
        {
            AnsiConsole.MarkupLine("Jupyter is not installed here, so the kernel was not installed ('workbench kernel install' does it later).");
            return;
        }
        if (Kernel.KernelSpec.BuiltFront() is not { } front || !File.Exists(front))
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] the kernel front is not built, so the kernel was not installed; build kernels/Workbench.Kernel.Front.");
            return;
        }
        var file = Kernel.KernelSpec.For(front, unsandboxed: false, server).Write(Kernel.KernelSpec.UserDataDirectory());
        AnsiConsole.MarkupLine($"Installed the Jupyter kernel {Kernel.KernelSpec.Name} in {Markup.Escape(file)}.");
    }

    /// <summary>The key from WORKBENCH_PSEUDONYM_KEY, else the demo key file, created owner-only on first run.</summary>
    private static PseudonymKey DemoKey()
    {
        if (Environment.GetEnvironmentVariable(PseudonymKey.EnvironmentVariable) is { Length: > 0 } || File.Exists(WorkbenchHome.KeyFile))
        {
            return PseudonymKey.Resolve(null, WorkbenchHome.KeyFile);
        }
        AnsiConsole.MarkupLine($"Creating the demo pseudonymisation key {Markup.Escape(WorkbenchHome.KeyFile)} (owner-only).");
        return PseudonymKey.CreateFile(WorkbenchHome.KeyFile);
    }
}
