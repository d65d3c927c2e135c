using System.Globalization;

namespace OutputControl.Requests;

/// <summary>Formats cell keys and numbers the way reasons and error messages show them: <c>['A','Totaal']</c>, <c>73</c>.</summary>
public static class KeyFormat
{
    /// <summary>Formats a key as <c>['A','Totaal']</c>.</summary>
    public static string Format(IReadOnlyList<string> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "[" + string.Join(",", key.Select(k => "'" + k + "'")) + "]";
    }

    /// <summary>Formats a decimal without trailing zeros, invariant culture.</summary>
    public static string Format(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
