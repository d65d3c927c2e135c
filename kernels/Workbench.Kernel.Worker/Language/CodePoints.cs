namespace Workbench.Kernel.Worker.Language;

/// <summary>
/// Jupyter (protocol 5.2 and later) counts cursor positions in Unicode code points; .NET strings and Roslyn count
/// UTF-16 units. These convert between the two, clamping positions that fall outside the text.
/// </summary>
public static class CodePoints
{
    public static int ToUtf16Index(string text, int codePointOffset)
    {
        var index = 0;
        for (var seen = 0; seen < codePointOffset && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    public static int FromUtf16Index(string text, int utf16Index)
    {
        var count = 0;
        var end = Math.Min(utf16Index, text.Length);
        for (var index = 0; index < end; count++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return count;
    }
}
