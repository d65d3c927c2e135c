namespace Workbench.Api;

/// <summary>
/// Codes nested in levels, such as buurt ⊂ wijk ⊂ gemeente or SBI division ⊂ section: each code's parent, for a
/// table dimension whose subtotals output control must protect (<see cref="TableBuilder.By"/> with
/// <c>hierarchy:</c>). Every code has at most one parent and no code is its own ancestor.
/// </summary>
/// <example><code>
/// var areas = data.Areas;                                    // buurt ⊂ wijk ⊂ gemeente from the project's areas
/// var custom = CategoryHierarchy.FromChains("regio", [["BU01", "WK01", "GM01"], ["BU02", "WK01", "GM01"]]);
/// Output.Table(persons).By("buurt_code", hierarchy: custom).Count("person_id")
/// </code></example>
public sealed class CategoryHierarchy
{
    private readonly Dictionary<string, string?> _parent;

    private CategoryHierarchy(string name, Dictionary<string, string?> parent)
    {
        Name = name;
        _parent = parent;
    }

    /// <summary>What the hierarchy is (<c>areas</c>, <c>sbi</c>), as errors name it.</summary>
    public string Name { get; }

    /// <summary>Every code, at every level.</summary>
    public IReadOnlyCollection<string> Codes => _parent.Keys;

    /// <summary>
    /// A hierarchy from chains, each a code followed by its ancestors, nearest first (<c>[buurt, wijk, gemeente]</c>).
    /// Chains may share ancestors and repeat; they may be of different lengths.
    /// </summary>
    /// <exception cref="ArgumentException">For an empty code, a code given two parents, or a cycle.</exception>
    public static CategoryHierarchy FromChains(string name, IEnumerable<IReadOnlyList<string>> chains)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(chains);
        var links = new List<(string Child, string? Parent)>();
        foreach (var chain in chains)
        {
            ArgumentNullException.ThrowIfNull(chain, nameof(chains));
            for (var i = 0; i < chain.Count; i++) links.Add((chain[i], i + 1 < chain.Count ? chain[i + 1] : null));
        }
        return Create(name, links);
    }

    /// <summary>A hierarchy from (child, parent) pairs; a code that is only a parent is a top-level code.</summary>
    /// <exception cref="ArgumentException">For an empty code, a code given two parents, or a cycle.</exception>
    public static CategoryHierarchy FromParents(string name, IEnumerable<KeyValuePair<string, string>> parents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parents);
        return Create(name, parents.Select(p => (p.Key, (string?)p.Value)));
    }

    /// <summary>Whether <paramref name="code"/> is in the hierarchy, at any level.</summary>
    public bool Contains(string code) => _parent.ContainsKey(code);

    /// <summary>The code's parent, or <c>null</c> for a top-level code.</summary>
    /// <exception cref="ArgumentException">For a code the hierarchy does not know.</exception>
    public string? ParentOf(string code) =>
        _parent.TryGetValue(code, out var parent) ? parent
        : throw new ArgumentException($"the hierarchy '{Name}' does not know the code '{code}'", nameof(code));

    /// <summary>The code's ancestors, nearest first (empty for a top-level code).</summary>
    /// <exception cref="ArgumentException">For a code the hierarchy does not know.</exception>
    public IReadOnlyList<string> Ancestors(string code)
    {
        var ancestors = new List<string>();
        for (var a = ParentOf(code); a is not null; a = _parent[a]) ancestors.Add(a);
        return ancestors;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {_parent.Count} codes, {_parent.Count(p => p.Value is null)} at the top level";

    private static CategoryHierarchy Create(string name, IEnumerable<(string Child, string? Parent)> links)
    {
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (child, of) in links)
        {
            if (string.IsNullOrWhiteSpace(child) || (of is not null && string.IsNullOrWhiteSpace(of)))
            {
                throw new ArgumentException($"hierarchy '{name}': a code is empty (in '{child}' ⊂ '{of}')");
            }
            if (of is not null) parent.TryAdd(of, null);
            if (parent.TryGetValue(child, out var known) && known is not null && of is not null && known != of)
            {
                throw new ArgumentException($"hierarchy '{name}': '{child}' has two parents, '{known}' and '{of}'");
            }
            if (of is not null) parent[child] = of;
            else parent.TryAdd(child, null);
        }
        foreach (var code in parent.Keys)
        {
            var steps = 0;
            for (var a = parent[code]; a is not null; a = parent[a])
            {
                if (a == code || ++steps > parent.Count)
                {
                    throw new ArgumentException($"hierarchy '{name}': '{code}' is its own ancestor (a cycle)");
                }
            }
        }
        return new CategoryHierarchy(name, parent);
    }
}
