using System.Security.Cryptography;
using Spectre.Console;
using Spectre.Console.Cli;
using Workbench.Microdata.Ingest;
using Workbench.Microdata.ProjectViews;
using Workbench.Microdata.Pseudonymisation;
using Workbench.Microdata.Store;

namespace Workbench.Cli.Infrastructure;

/// <summary>
/// The one place where failures become exit codes: 2 for input the user can fix (with a one-line message that says
/// what is wrong), 1 for an internal failure. <c>audit verify</c> also exits with <see cref="AuditLogTampered"/>.
/// </summary>
internal static class CliErrors
{
    public const int InvalidInput = 2;
    public const int InternalFailure = 1;

    /// <summary><c>audit verify</c> found the log altered, cut or its checkpoints forged.</summary>
    public const int AuditLogTampered = 3;

    public static int Handle(Exception exception, ITypeResolver? resolver)
    {
        var (code, message) = Classify(exception);
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stderr.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        if (code == InternalFailure) Console.Error.WriteLine(exception);
        return code;
    }

    internal static (int Code, string Message) Classify(Exception exception) => exception switch
    {
        CommandAppException e => (InvalidInput, e.Message),
        PseudonymKeyException or DeliveryException or StoreKeyMismatchException or ProjectViewException => (InvalidInput, exception.Message),
        ArgumentException and not ArgumentNullException or InvalidDataException or FormatException or FileNotFoundException
            or DirectoryNotFoundException or CryptographicException or UnauthorizedAccessException => (InvalidInput, exception.Message),
        // The database named by the user cannot be opened or read: a wrong connection string or not a Workbench database.
        System.Data.Common.DbException => (InvalidInput, $"the database cannot be read: {exception.Message}"),
        // Kestrel cannot listen (the port is taken): the user picks another.
        IOException when exception.Message.StartsWith("Failed to bind", StringComparison.Ordinal) => (InvalidInput, $"{exception.Message} Choose another with --port."),
        _ => (InternalFailure, exception.Message),
    };
}
