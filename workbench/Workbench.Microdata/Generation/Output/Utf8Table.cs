using System.Text;

namespace Workbench.Microdata.Generation.Output;

/// <summary>Strings encoded to UTF-8 once, so hot write loops copy bytes instead of encoding.</summary>
internal static class Utf8Table
{
    public static byte[][] Encode(IEnumerable<string> values) => [.. values.Select(Encoding.UTF8.GetBytes)];
}
