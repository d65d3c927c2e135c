using Workbench.Microdata.Geography;

namespace Workbench.Microdata.Generation;

/// <summary>The BAG half of a municipality: dwellings in address order and non-residential objects.</summary>
internal sealed partial class MunicipalityBuilder
{
    private static readonly double[] UseWoz = [1, 0.35, 0.55, 0.8, 0.45, 0.6, 0.5, 0.3];
    private static readonly double[] UseArea = [0, 900, 350, 120, 300, 400, 1500, 35];
    private static readonly double[] UseVacancy = [0, 0.06, 0.13, 0.09, 0.04, 0.05, 0.03, 0.07];

    private int AddDwelling(BuurtArea buurt, byte type, int headAge, int head)
    {
        var i = NewObject(buurt, 0);
        var median = type switch
        {
            HouseholdTable.Single => 70.0, HouseholdTable.Couple => 100, HouseholdTable.CoupleWithChildren => 125, _ => 95,
        };
        median *= buurt.Urbanity switch { 1 => 0.8, 2 => 0.9, 3 => 1, 4 => 1.1, _ => 1.2 };
        SetSizeAndValue(i, buurt, median, 0.28, 1);
        var dep = buurt.Deprivation;
        Span<double> owner =
        [
            0,
            Math.Clamp(0.25 + 0.13 * dep + (buurt.Urbanity == 1 ? 0.06 : 0) + (type == HouseholdTable.SingleParent ? 0.15 : 0), 0.02, 0.85),
            0.08 + (buurt.Urbanity == 1 ? 0.08 : 0) + (headAge < 30 ? 0.15 : 0),
            0.02,
            0.003,
        ];
        owner[0] = Math.Max(0.02, 1 - owner[1] - owner[2] - owner[3] - owner[4]);
        if (headAge < 23) owner[0] = 0.01;
        var ownerType = (byte)_rng.Pick(owner);
        _b.OwnerType[i] = ownerType;
        _b.OwnerPerson[i] = ownerType == BuildingTable.OwnerOccupier ? head : -1;
        return i;
    }

    private void AddVacantDwelling(BuurtArea buurt)
    {
        var i = NewObject(buurt, 0);
        SetSizeAndValue(i, buurt, 85, 0.35, 0.85);
        _b.Vacant[i] = true;
        _b.OwnerType[i] = (byte)(1 + _rng.Pick([0.3, 0.45, 0.2, 0.05]));
    }

    private void AddNonResidential(BuurtArea buurt)
    {
        ReadOnlySpan<double> weights = buurt.IsBusinessPark
            ? [0, 0.45, 0.2, 0.05, 0.02, 0, 0, 0.28]
            : buurt.Urbanity >= 4
                ? [0, 0.2, 0.06, 0.12, 0.08, 0.06, 0.04, 0.44]
                : [0, 0.08, 0.13, 0.28, 0.12, 0.04, 0.05, 0.30];
        var use = (byte)_rng.Pick(weights);
        var i = NewObject(buurt, use);
        SetSizeAndValue(i, buurt, UseArea[use], use == BuildingTable.OtherUse ? 0.9 : 0.85, UseWoz[use]);
        _b.Vacant[i] = _rng.Chance(UseVacancy[use] * (buurt.Deprivation > 0.5 ? 1.5 : 1));
        var government = use is BuildingTable.Education or BuildingTable.Assembly ? 0.5 : 0.08;
        _b.OwnerType[i] = (byte)_rng.Pick([0, 0.06, 0.24, 0.62, government]);
    }

    private int NewObject(BuurtArea buurt, byte use)
    {
        var i = _bCount++;
        if (_streetLeft <= 0)
        {
            _streetLeft = use == 0 ? _rng.Between(20, 80) : _rng.Between(8, 30);
            _street = (ushort)(use is BuildingTable.Industry or BuildingTable.OtherUse && _rng.Chance(0.5)
                ? StreetNames.Industrial(ref _rng)
                : StreetNames.Draw(ref _rng));
            _houseNumber = (short)(_rng.Chance(0.3) ? _rng.Between(1, 60) : 1);
            _houseStep = _rng.Chance(0.4) ? 2 : 1;
            _letters = (ushort)_rng.Next(StreetNames.PostcodeLetterCount);
        }
        _streetLeft--;
        if (_houseNumber % 16 == 0) _letters = (ushort)_rng.Next(StreetNames.PostcodeLetterCount);
        _b.BagId[i] = _muni.Code * 1_000_000_000_000L + 10_000_000_000L + _bagSerial++;
        _b.Buurt[i] = buurt.Index;
        _b.Use[i] = use;
        _b.Street[i] = _street;
        _b.HouseNumber[i] = _houseNumber;
        _houseNumber = (short)Math.Min(9999, _houseNumber + _houseStep);
        _b.Pc4[i] = (short)_geo.Wijken[buurt.Wijk].Pc4;
        _b.PostcodeLetters[i] = _letters;
        _b.OwnerPerson[i] = -1;
        _b.OwnerCompany[i] = -1;
        return i;
    }

    private void SetSizeAndValue(int i, BuurtArea buurt, double medianArea, double sigma, double valueFactor)
    {
        var area = Math.Max(6, (int)_rng.LogNormal(medianArea, sigma));
        _b.Area[i] = area;
        var bracket = _rng.Pick([0.13, 0.19, 0.26, 0.27, 0.15]);
        _b.Year[i] = (short)(bracket switch
        {
            0 => _rng.Between(1850, 1944), 1 => _rng.Between(1945, 1969), 2 => _rng.Between(1970, 1989),
            3 => _rng.Between(1990, 2009), _ => _rng.Between(2010, Math.Min(2025, _options.ReferenceDate.Year)),
        });
        var perM2 = _muni.PricePerM2 * Math.Exp(-0.15 * buurt.Deprivation) * valueFactor * _rng.LogNormal(1, 0.18);
        _b.Woz[i] = (int)Math.Clamp(area * perM2 / 1000, 8, 2_000_000) * 1000;
    }
}
