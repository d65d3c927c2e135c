using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Workbench.Cli.Infrastructure;
using Workbench.Server;
using Workbench.Server.Identity;

namespace Workbench.Cli.Demo;

/// <summary>
/// The server of <c>workbench up</c>, hosted in this process: Development (so the demo users exist), on loopback only,
/// with its database, data-protection keys, analytical store, pseudonymisation key and audit journal all under
/// WORKBENCH_HOME (owner-only), and the notebook work areas beside it.
/// </summary>
internal static class DemoServer
{
    public static async Task RunAsync(int port, int notebookPort, int seed, CancellationToken cancellationToken)
    {
        var url = $"http://127.0.0.1:{port}";
        // The notebooks' own origin: another host name (localhost, not 127.0.0.1) is another site, so the workbench's
        // cookie never reaches it and a notebook's output cannot act as the user in the workbench.
        var notebooks = $"http://localhost:{notebookPort}";
        await using var app = WorkbenchServer.Build(WorkbenchServer.HostedOptions(ServerDefaults.Environment,
        [
            $"--urls={url};{notebooks}",
            $"--Notebooks:Origin={notebooks}",
            $"--Database:DataDirectory={WorkbenchHome.Root}",
            $"--AnalyticalData:Store={WorkbenchHome.Store}",
            $"--AnalyticalData:PseudonymKeyFile={WorkbenchHome.KeyFile}",
            $"--Notebooks:Directory={WorkbenchHome.Notebooks}",
            // Research questions name areas of the same synthetic geography the store was generated with.
            $"--Questions:AreaSeed={seed}",
            // The console is the user's: requests are not logged line by line, start and stop are.
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ]));
        await app.PrepareAsync();
        await app.StartAsync(cancellationToken);

        var demo = app.Services.GetRequiredService<IOptions<DemoUsersOptions>>().Value;
        // Rendered first and written in one call: the host's console logger writes from its own thread, and a line
        // written in pieces came out with a log line in the middle of the address.
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.Detect });
        console.MarkupLine($"Workbench is running at {url}, its notebooks at {notebooks} (Ctrl+C stops it).");
        console.MarkupLine($"Sign in at {url}/Account/SignIn with password {Markup.Escape(demo.Password)} and the code of the "
            + "user's TOTP key (add it to an authenticator app, or: oathtool --totp -b KEY). Demo only: these accounts exist in Development alone.");
        var users = new Table().AddColumns("user name", "roles", "TOTP key");
        foreach (var user in demo.Users) users.AddRow(user.UserName, string.Join(", ", user.Roles), user.TotpKey);
        console.Write(users);
        Console.Out.Write(text.ToString());

        await app.WaitForShutdownAsync(cancellationToken);
    }
}
