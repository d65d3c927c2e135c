using System.Text.Json;

namespace Workbench.Server.Pages.Outputs;

/// <summary>The applied disclosure policy (the contract's policy object) in one line for checkers.</summary>
public static class PolicyText
{
    public static string Of(JsonElement policy)
    {
        if (policy.ValueKind != JsonValueKind.Object)
        {
            return "unknown";
        }
        string Field(string name) => policy.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Null => "off",
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Object => $"({string.Join(",", v.EnumerateObject().Select(p => p.Value.GetRawText()))})",
            _ => v.GetRawText(),
        } : "?";
        return $"minUnits {Field("minUnits")}, rounding base {Field("roundingBase")} ({Field("midpointRounding")}), " +
            $"dominance (n,k) {Field("dominance")}, p% {Field("pPercent")}, zeros disclosive {Field("zerosDisclosive")}, " +
            $"minResidualDf {Field("minResidualDf")}, secondary {Field("secondary")}";
    }
}
