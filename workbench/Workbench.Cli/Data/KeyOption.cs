using System.ComponentModel;
using Spectre.Console.Cli;
using Workbench.Cli.Infrastructure;
using Workbench.Microdata.Pseudonymisation;

namespace Workbench.Cli.Data;

/// <summary>Settings of commands that need the pseudonymisation key.</summary>
internal class KeySettings : CommandSettings
{
    [CommandOption("--key-file <FILE>")]
    [Description("Pseudonymisation key file (base64, owner-only). Default: WORKBENCH_PSEUDONYM_KEY if set, else the demo key under WORKBENCH_HOME.")]
    public string? KeyFile { get; init; }

    [CommandOption("--store <FILE>")]
    [Description("The analytical store (default: the demo store under WORKBENCH_HOME).")]
    public string? Store { get; init; }

    public string StorePath => Path.GetFullPath(Store ?? WorkbenchHome.Store);

    /// <summary>The explicit key file wins; then the environment variable; then the demo key file (<see cref="PseudonymKey.Resolve"/>).</summary>
    public PseudonymKey LoadKey() => PseudonymKey.Resolve(KeyFile, WorkbenchHome.KeyFile);
}
