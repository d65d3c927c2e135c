using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Html;

namespace Workbench.Api;

/// <summary>
/// What a cell calls beside its result, imported into every session (<c>using static Workbench.Api.Notebook</c>), with
/// the names notebooks know from .NET Interactive: <c>display(value)</c> shows a value under the cell now (and returns
/// a handle to replace it later), <c>HTML("...")</c> marks a string as HTML, <see cref="Interrupted"/> is cancelled
/// when the user interrupts the cell.
/// </summary>
/// <example><code>
/// var progress = display("starting");
/// for (var year = 2019; year &lt;= 2025; year++) { Step(year); progress.Update($"done: {year}"); }
/// await Task.Delay(TimeSpan.FromMinutes(1), Interrupted);   // ends at once when the cell is interrupted
/// </code></example>
public static class Notebook
{
    /// <summary>
    /// Shows <paramref name="value"/> under the running cell, in its richest form (or only in the given MIME types,
    /// such as <c>"text/plain"</c>), and returns the handle that replaces it (<see cref="DisplayHandle.Update"/>).
    /// </summary>
    [SuppressMessage("Style", "IDE1006", Justification = "The name notebooks know from .NET Interactive.")]
    [SuppressMessage("Naming", "CA1707", Justification = "The name notebooks know from .NET Interactive.")]
    public static DisplayHandle display(object? value, params string[] mimeTypes)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), mimeTypes);
        handle.Show(value, update: false);
        return handle;
    }

    /// <summary>A string shown as HTML (not escaped) when it is a cell's value or displayed.</summary>
    [SuppressMessage("Naming", "CA1707", Justification = "The name notebooks know from .NET Interactive.")]
    public static IHtmlContent HTML(string html) => new HtmlString(html);

    /// <summary>Cancelled when the user interrupts the running cell: pass it to long waits so that they end at once.</summary>
    public static CancellationToken Interrupted => NotebookHost.Output?.Interrupted ?? CancellationToken.None;
}

/// <summary>A value shown with <see cref="Notebook.display"/>: <see cref="Update"/> replaces it where it is shown.</summary>
public sealed class DisplayHandle
{
    private readonly string[] _mimeTypes;

    internal DisplayHandle(string displayId, string[] mimeTypes)
    {
        DisplayId = displayId;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Jupyter's display id of the shown value.</summary>
    public string DisplayId { get; }

    /// <summary>Shows <paramref name="value"/> in place of what this handle showed before.</summary>
    public void Update(object? value) => Show(value, update: true);

    internal void Show(object? value, bool update)
    {
        var output = NotebookHost.Output ?? throw new InvalidOperationException("Values can be displayed only in the Workbench kernel, while a cell runs.");
        output.Display(value, _mimeTypes, DisplayId, update);
    }
}

/// <summary>
/// Where <see cref="Notebook"/> sends displayed values: set once by the kernel's worker, routed to the cell that is
/// running (not a member of <see cref="Notebook"/>, whose members every cell imports).
/// </summary>
public static class NotebookHost
{
    private static INotebookOutput? s_output;

    public static INotebookOutput? Output
    {
        get => Volatile.Read(ref s_output);
        set => Volatile.Write(ref s_output, value);
    }
}

/// <summary>The kernel's side of <see cref="Notebook"/>: formats and sends displayed values to the running cell.</summary>
public interface INotebookOutput
{
    /// <summary>Shows (or, with <paramref name="update"/>, replaces) the value with id <paramref name="displayId"/>.</summary>
    void Display(object? value, IReadOnlyList<string> mimeTypes, string displayId, bool update);

    /// <summary>The running cell's interrupt.</summary>
    CancellationToken Interrupted { get; }
}
