namespace Workbench.Microdata.Pseudonymisation;

/// <summary>The kinds of units that get pseudonyms. Each has its own domain tag, so equal numbers never collide.</summary>
public enum KeyKind
{
    /// <summary>A person (BSN).</summary>
    Person,

    /// <summary>A company (KvK number).</summary>
    Company,

    /// <summary>A household (CBS household number).</summary>
    Household,

    /// <summary>A building (BAG verblijfsobject id).</summary>
    Building,
}
