using Microsoft.DotNet.Interactive.Formatting;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// A value in the forms Jupyter shows, by .NET Interactive's formatters (HTML for objects and tables, the Workbench
/// API's own for DataFrames, catalogues, previews and charts). Every value leaves with <c>text/plain</c>; simple values
/// leave with nothing else, so a number is not wrapped in an HTML block with a style sheet.
/// </summary>
internal static class Formatting
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
        Workbench.Api.WorkbenchFormatters.Register();
    }

    /// <summary>The value in its preferred forms (or in <paramref name="mimeTypes"/> only, when given) and as plain text.</summary>
    public static MimeBundle Bundle(object? value, IReadOnlyList<string> mimeTypes, string? displayId = null)
    {
        if (value is null) return MimeBundle.Create([], "<null>", displayId);
        var forms = FormattedValue.CreateManyFromObject(value, [.. mimeTypes]).Where(f => !f.SuppressDisplay).ToList();
        // A simple value's preferred form is already its plain text: not formatted a second time.
        var plain = forms.FirstOrDefault(f => f.MimeType == PlainTextFormatter.MimeType)?.Value ?? value.ToDisplayString(PlainTextFormatter.MimeType);
        return MimeBundle.Create(forms.Select(f => KeyValuePair.Create(f.MimeType, f.Value)), plain, displayId);
    }
}
