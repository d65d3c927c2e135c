using Workbench.Api;

namespace Workbench.Kernel.Worker.Execution;

/// <summary>
/// The kernel's side of <c>display(...)</c> (<see cref="Notebook"/>): formats the value and sends it to the running
/// cell as display_data, or as update_display_data for a handle's <c>Update</c>.
/// </summary>
internal sealed class DisplayOutput : INotebookOutput
{
    public CancellationToken Interrupted => RunningCell.Current?.Interrupt ?? CancellationToken.None;

    public void Display(object? value, IReadOnlyList<string> mimeTypes, string displayId, bool update)
    {
        var cell = RunningCell.Current ?? throw new InvalidOperationException("Values can be displayed only while a cell runs.");
        var bundle = Formatting.Bundle(value, mimeTypes, displayId);
        ConsoleOutput.FlushBoth(); // what the cell printed before the value shows above it
        cell.Sink.Display(bundle, update);
    }
}
