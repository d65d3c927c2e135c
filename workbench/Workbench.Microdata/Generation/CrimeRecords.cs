namespace Workbench.Microdata.Generation;

/// <summary>Police, justice, LFO and FIU records of one partition (a municipality), in generation order.</summary>
internal sealed class CrimeRecords
{
    public Grow<int> SuspectPerson = new(16);
    public Grow<int> SuspectDay = new(16);
    public Grow<byte> SuspectOffence = new(16);
    public Grow<int> SuspectMunicipality = new(16);

    public Grow<int> ConvictionPerson = new(16);
    public Grow<int> ConvictionDay = new(16);
    public Grow<byte> ConvictionOffence = new(16);
    public Grow<byte> ConvictionSanction = new(16);

    public Grow<int> CompanyConvictionCompany = new(4);
    public Grow<int> CompanyConvictionDay = new(4);
    public Grow<byte> CompanyConvictionOffence = new(4);
    public Grow<byte> CompanyConvictionSanction = new(4);

    public Grow<int> DismantlingBuilding = new(4);
    public Grow<int> DismantlingDay = new(4);
    public Grow<byte> DismantlingKind = new(4);
    public Grow<byte> DismantlingSize = new(4);

    public Grow<byte> FiuInstitution = new(16);
    public Grow<int> FiuDay = new(16);
    public Grow<long> FiuAmount = new(16);
    public Grow<byte> FiuType = new(16);
    public Grow<int> FiuPerson = new(16);
    public Grow<int> FiuCompany = new(16);
    public Grow<bool> FiuSuspicious = new(16);
}

/// <summary>All crime records: partitions in file order.</summary>
internal sealed class CrimeLedger(CrimeRecords[] baseCrime, CrimeRecords[] youthDrugs, CrimeRecords[] business)
{
    /// <summary>Base offences per municipality, then the youth drug suspects, then company-related records.</summary>
    public IEnumerable<CrimeRecords> All => baseCrime.Concat(youthDrugs).Concat(business);
}
