namespace Workbench.Microdata.Generation;

/// <summary>KvK establishments as column arrays, ordered by municipality.</summary>
internal sealed class CompanyTable(int count)
{
    /// <summary>Indices into <see cref="Schema.Vocabulary.LegalForms"/>.</summary>
    public const byte SoleTrader = 0, Partnership = 1, PrivateLimited = 2, PublicLimited = 3, Foundation = 4, Cooperative = 5;

    public readonly int Count = count;
    public readonly int[] Kvk = new int[count];
    public readonly byte[] Sbi = new byte[count];
    public readonly byte[] LegalForm = new byte[count];
    public readonly int[] Municipality = new int[count];
    public readonly int[] Building = new int[count];
    public readonly int[] FoundedDay = new int[count];
    public readonly int[] TargetSize = new int[count];
    public readonly int[] Employees = new int[count];
    public readonly ushort[] NameStem = new ushort[count];
    public readonly byte[] Flags = new byte[count];

    /// <summary>Bits of <see cref="Flags"/>.</summary>
    public const byte OfficerConvicted = 1, Convicted = 2, HousingCorporation = 4;
}
