using Spectre.Console;
using Workbench.Cli.Infrastructure;

// Piped or logged output has no terminal width; Spectre then assumes 80 columns and wraps the catalogue's tables
// mid-word. Logs and scripts read better with wide rows.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);

return await WorkbenchApp.Create().RunAsync(args);
