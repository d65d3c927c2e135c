using Workbench.Networks.Core;

namespace Workbench.Networks.Prevalence;

/// <summary>A named layer selection for result tables: one layer, or several ("alle" for all).</summary>
/// <param name="Name">The label in result tables.</param>
/// <param name="Layers">The layers whose links are followed.</param>
public sealed record LayerSelection(string Name, LayerMask Layers)
{
    /// <summary>Each layer of the network on its own, then all layers together as "alle".</summary>
    public static IReadOnlyList<LayerSelection> EachAndAll(MultilayerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var selections = network.LayerNames.Select((name, i) => new LayerSelection(name, LayerMask.Of(i))).ToList();
        selections.Add(new LayerSelection("alle", LayerMask.All));
        return selections;
    }
}
