using System.Text;

namespace Workbench.Microdata.Pseudonymisation;

/// <summary>The per-kind prefixes hashed before an identifier, so a BSN and a KvK number with equal digits differ.</summary>
internal static class DomainTags
{
    private static readonly byte[][] Tags =
    [
        Encoding.ASCII.GetBytes("workbench:person:"),
        Encoding.ASCII.GetBytes("workbench:company:"),
        Encoding.ASCII.GetBytes("workbench:household:"),
        Encoding.ASCII.GetBytes("workbench:building:"),
    ];

    /// <summary>The longest tag, for sizing stack buffers.</summary>
    public const int MaxLength = 24;

    public static ReadOnlySpan<byte> Of(KeyKind kind) => Tags[(int)kind];
}
