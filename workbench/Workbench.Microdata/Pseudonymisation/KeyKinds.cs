using Workbench.Microdata.Schema;

namespace Workbench.Microdata.Pseudonymisation;

/// <summary>Which kind of pseudonym a key column holds.</summary>
public static class KeyKinds
{
    /// <summary>The key kind of a key rule, or <c>null</c> for rules that hold no pseudonym.</summary>
    public static KeyKind? For(ColumnRule rule) => rule switch
    {
        ColumnRule.PersonKey => KeyKind.Person,
        ColumnRule.CompanyKey => KeyKind.Company,
        ColumnRule.HouseholdKey => KeyKind.Household,
        ColumnRule.BuildingKey => KeyKind.Building,
        _ => null,
    };
}
