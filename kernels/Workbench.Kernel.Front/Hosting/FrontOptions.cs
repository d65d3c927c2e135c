namespace Workbench.Kernel.Front.Hosting;

/// <summary>The front's command line.</summary>
internal sealed record FrontOptions(string? ConnectionFile, bool UnsandboxedDevelopment, string? Error)
{
    public const string Usage = "usage: Workbench.Kernel.Front --connection-file FILE [--unsandboxed-development]";

    public static FrontOptions Parse(IReadOnlyList<string> args)
    {
        string? file = null;
        var unsandboxed = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection-file" or "-f" when i + 1 < args.Count: file = args[++i]; break;
                case "--unsandboxed-development": unsandboxed = true; break;
                default: return new FrontOptions(null, false, $"unknown argument '{args[i]}'");
            }
        }
        return file is null ? new FrontOptions(null, false, "no connection file") : new FrontOptions(file, unsandboxed, null);
    }
}
