using OutputControl.Requests;
using OutputControl.Results;

namespace OutputControl.Cli;

/// <summary>
/// <c>output-control check &lt;request.json | -&gt;</c>: one JSON result document on stdout and exit 0 whenever the
/// request was evaluated; exit 2 with one line naming the field and the problem for invalid input; exit 1 only for
/// an internal failure.
/// </summary>
internal static class CheckCommand
{
    public const int Evaluated = 0;
    public const int InternalFailure = 1;
    public const int InvalidInput = 2;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 2 || args[0] != "check")
        {
            stderr.WriteLine("usage: output-control check <request.json | ->");
            return InvalidInput;
        }

        string json;
        try
        {
            json = args[1] == "-" ? stdin.ReadToEnd() : File.ReadAllText(args[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"request: cannot read '{args[1]}': {e.Message}");
            return InvalidInput;
        }

        try
        {
            var result = OutputChecker.Check(json);
            stdout.WriteLine(ResultJson.Write(result));
            return Evaluated;
        }
        catch (InvalidRequestException e)
        {
            stderr.WriteLine(OneLine(e.Message));
            return InvalidInput;
        }
#pragma warning disable CA1031 // The edge turns every other failure into exit 1 with its message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine(OneLine($"internal failure: {e.GetType().Name}: {e.Message}"));
            return InternalFailure;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
