using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Workbench.Cli.Kernel;

/// <summary><c>workbench kernel install</c>: the kernelspec <c>workbench-csharp</c> for the current user.</summary>
internal sealed class InstallCommand : Command<InstallCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--front <DLL>")]
        [Description("The kernel's front process (Workbench.Kernel.Front.dll). Default: the one built with this program.")]
        public string? Front { get; init; }

        [CommandOption("--data-dir <DIR>")]
        [Description("The Jupyter data directory. Default: JUPYTER_DATA_DIR, else XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter.")]
        public string? DataDirectory { get; init; }

        [CommandOption("--server <URL>")]
        [Description("The workbench server the kernel signs in to for a notebook's project (https, or http on loopback). Default: none; a notebook's workbench.json names it.")]
        public string? Server { get; init; }

        [CommandOption("--unsandboxed-development")]
        [Description("Run cells without the sandbox, in the kernel process. Development machines only; every banner says so.")]
        public bool Unsandboxed { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var front = settings.Front ?? KernelSpec.BuiltFront()
            ?? throw new FileNotFoundException("this build does not know where the kernel is: pass --front PATH/Workbench.Kernel.Front.dll");
        front = Path.GetFullPath(front);
        if (!File.Exists(front))
            throw new FileNotFoundException($"the kernel front {front} does not exist: build kernels/Workbench.Kernel.Front or pass --front");
        if (!string.Equals(Path.GetFileName(front), KernelSpec.FrontAssembly, StringComparison.Ordinal))
            throw new ArgumentException($"--front must name {KernelSpec.FrontAssembly}, not {Path.GetFileName(front)}");

        Uri? server = null;
        if (settings.Server is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out server)
            || !(server.Scheme == Uri.UriSchemeHttps || (server.Scheme == Uri.UriSchemeHttp && server.IsLoopback))))
            throw new ArgumentException($"--server must be an https URL (plain http only on loopback), not '{url}'");
        var file = KernelSpec.For(front, settings.Unsandboxed, server).Write(Path.GetFullPath(settings.DataDirectory ?? KernelSpec.UserDataDirectory()));
        AnsiConsole.MarkupLine($"Installed kernel {KernelSpec.Name} in {Markup.Escape(file)}");
        if (settings.Unsandboxed)
            AnsiConsole.MarkupLine("[yellow]warning:[/] this kernel runs cells WITHOUT the sandbox. Use it on a development machine only.");
        return 0;
    }
}
