using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// Every value leaves with a <c>text/plain</c> representation; simple values leave with nothing else, so a number is
/// not wrapped in an HTML block with a style sheet.
/// </summary>
internal static class PlainTextValues
{
    private static readonly Type[] Simple =
    [
        typeof(string), typeof(bool), typeof(char), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(DateTime),
        typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid),
    ];

    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        foreach (var type in Simple) Formatter.SetPreferredMimeTypesFor(type, PlainTextFormatter.MimeType);
    }

    public static string Of(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(f => f.MimeType == PlainTextFormatter.MimeType)?.Value
        ?? e.Value?.ToDisplayString(PlainTextFormatter.MimeType)
        ?? "";

    public static MimeBundle Bundle(DisplayEvent e) =>
        MimeBundle.Create(
            e.FormattedValues.Where(f => !f.SuppressDisplay).Select(f => KeyValuePair.Create(f.MimeType, f.Value)),
            e.Value is null ? Of(e) : e.Value.ToDisplayString(PlainTextFormatter.MimeType),
            e.ValueId);
}
