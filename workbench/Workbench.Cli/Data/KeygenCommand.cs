using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Cli.Infrastructure;
using Workbench.Microdata.Pseudonymisation;

namespace Workbench.Cli.Data;

/// <summary><c>workbench data keygen --out FILE</c>: a new random key, owner-only, never overwriting one.</summary>
internal sealed class KeygenCommand : Command<KeygenCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Where to write the key (default: the demo key under WORKBENCH_HOME). An existing file is never overwritten.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var ownerOnly = OwnerOnlyFiles.Scope(); // what it writes is data: owner-only from the first byte
        var path = Path.GetFullPath(settings.Out ?? WorkbenchHome.KeyFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = PseudonymKey.CreateFile(path);
        AnsiConsole.MarkupLine($"Created key {Markup.Escape(path)} (fingerprint {key.Fingerprint[..16]}). Keep it outside the store and its backups.");
        return 0;
    }
}
