using Workbench.Microdata.Geography;

namespace Workbench.Microdata.Generation;

/// <summary>
/// Generates one municipality's households, persons (into the shared person table, in its own range), dwellings and
/// non-residential objects, from the municipality's own random stream.
/// </summary>
internal sealed partial class MunicipalityBuilder
{
    private readonly NationalGeography _geo;
    private readonly Municipality _muni;
    private readonly int[] _personsPerBuurt;
    private readonly PersonTable _persons;
    private readonly GeneratorOptions _options;
    private readonly int _referenceDay;
    private Rng _rng;
    private int _nextPerson;
    private HouseholdTable _h = null!;
    private int _hCount;
    private BuildingTable _b = null!;
    private int _bCount;
    private long _bagSerial;
    private ushort _street;
    private short _houseNumber;
    private int _houseStep;
    private ushort _letters;
    private int _streetLeft;

    public MunicipalityBuilder(
        NationalGeography geo, Municipality muni, int[] personsPerBuurt, PersonTable persons, int firstPerson, GeneratorOptions options)
    {
        _geo = geo;
        _muni = muni;
        _personsPerBuurt = personsPerBuurt;
        _persons = persons;
        _nextPerson = firstPerson;
        _options = options;
        _referenceDay = options.ReferenceDate.DayNumber;
        _rng = Rng.For(options.Seed, Stage.Households, muni.Index);
    }

    public (HouseholdTable H, int HCount, BuildingTable B, int BCount) Build()
    {
        var last = _muni.FirstBuurt + _muni.BuurtCount;
        int muniPersons = 0, parks = 0;
        for (var b = _muni.FirstBuurt; b < last; b++)
        {
            muniPersons += _personsPerBuurt[b];
            if (_geo.Buurten[b].IsBusinessPark) parks++;
        }
        var nonResidential = new int[_muni.BuurtCount];
        var nonResTotal = 0;
        for (var b = _muni.FirstBuurt; b < last; b++)
        {
            var buurt = _geo.Buurten[b];
            var n = _personsPerBuurt[b];
            var mean = buurt.IsBusinessPark ? muniPersons * 0.018 / parks : n * 0.05 + (buurt.Urbanity >= 4 ? n * 0.02 : 0);
            nonResidential[b - _muni.FirstBuurt] = _rng.Poisson(mean);
            nonResTotal += nonResidential[b - _muni.FirstBuurt];
        }

        _h = new HouseholdTable(muniPersons);
        _b = new BuildingTable(muniPersons + nonResTotal + 16);
        _bagSerial = 1 + _rng.Next(5_000_000) * 100L;
        // A household that does not fit a buurt's quota still moves in whole; the next buurt takes fewer persons. Only
        // the municipality's last household is cut to size, so small runs keep a realistic household composition.
        var left = muniPersons;
        var carry = 0;
        for (var b = _muni.FirstBuurt; b < last; b++)
        {
            var buurt = _geo.Buurten[b];
            _streetLeft = 0;
            var remaining = _personsPerBuurt[b] - carry;
            while (remaining > 0)
            {
                var size = AddHousehold(buurt, left);
                left -= size;
                remaining -= size;
                if (_bCount < _b.Count - nonResTotal && _rng.Chance(0.035)) AddVacantDwelling(buurt);
            }
            carry = -Math.Min(0, remaining);
            _streetLeft = 0;
            for (var k = 0; k < nonResidential[b - _muni.FirstBuurt]; k++) AddNonResidential(buurt);
        }
        return (_h, _hCount, _b, _bCount);
    }

    private int AddHousehold(BuurtArea buurt, int remaining)
    {
        var urb = buurt.Urbanity;
        var dep = buurt.Deprivation;
        Span<double> w =
        [
            Math.Max(0.1, 0.28 + 0.04 * (5 - urb) + 0.03 * dep),
            0.28,
            Math.Max(0.05, 0.20 + 0.025 * (urb - 1) - 0.02 * dep),
            Math.Clamp(0.07 + 0.02 * dep, 0.03, 0.15),
            urb == 1 ? 0.03 : 0.02,
        ];
        var type = (byte)_rng.Pick(w);
        int kids = type switch
        {
            HouseholdTable.CoupleWithChildren => 1 + _rng.Pick([0.38, 0.42, 0.15, 0.04, 0.01]),
            HouseholdTable.SingleParent => 1 + _rng.Pick([0.6, 0.3, 0.1]),
            HouseholdTable.Other => 2 + _rng.Pick([0.6, 0.3, 0.1]),
            _ => 0,
        };
        var size = type switch
        {
            HouseholdTable.Single => 1, HouseholdTable.Couple => 2, HouseholdTable.CoupleWithChildren => 2 + kids,
            HouseholdTable.SingleParent => 1 + kids, _ => kids,
        };
        if (remaining == 1) { type = HouseholdTable.Single; size = 1; }
        else if (size > remaining)
        {
            size = remaining;
            if (type == HouseholdTable.CoupleWithChildren && size == 2) type = HouseholdTable.Couple;
        }

        var h = _hCount++;
        var first = _nextPerson;
        _nextPerson += size;
        _h.FirstPerson[h] = first;
        _h.Size[h] = (byte)size;
        _h.Type[h] = type;
        var pHigh = Math.Clamp(0.025 * Math.Exp(0.7 * dep), 0, 0.2);
        var pMid = Math.Clamp(0.12 * Math.Exp(0.35 * dep), 0, 0.4);
        var u = _rng.NextDouble();
        var risk = (u < pHigh ? 6.0 : u < pHigh + pMid ? 2.0 : 0.5) * _rng.LogNormal(1, 0.2) * (type == HouseholdTable.SingleParent ? 1.4 : 1);
        _h.Risk[h] = (float)risk;

        var origin = Names.DrawOrigin(ref _rng, urb, dep);
        var surname = Names.Surname(ref _rng, origin);
        var headAge = HeadAge(type);
        var headSex = type == HouseholdTable.SingleParent ? (_rng.Chance(0.82) ? 1 : 0) : _rng.Next(2);
        AddPerson(first, h, PersonTable.Head, headAge, headSex, origin, surname);
        var motherAge = headSex == 1 ? headAge : 0;
        var next = first + 1;
        if (type is HouseholdTable.Couple or HouseholdTable.CoupleWithChildren && size >= 2)
        {
            var partnerSex = _rng.Chance(0.96) ? 1 - headSex : headSex;
            var partnerAge = Math.Clamp((int)Math.Round(headAge + (partnerSex == 1 ? -2 : 2) + _rng.Normal() * 3), 18, 100);
            var partnerSurname = _rng.Chance(0.5) ? surname : Names.Surname(ref _rng, _rng.Chance(0.85) ? origin : Names.DrawOrigin(ref _rng, urb, dep));
            AddPerson(next++, h, PersonTable.Partner, partnerAge, partnerSex, origin, partnerSurname);
            if (partnerSex == 1) motherAge = partnerAge;
        }
        if (motherAge == 0) motherAge = headAge;
        for (; next < first + size; next++)
        {
            if (type == HouseholdTable.Other)
            {
                var age = _rng.Chance(0.7) ? _rng.Between(18, 30) : _rng.Between(18, 80);
                var o = Names.DrawOrigin(ref _rng, urb, dep);
                AddPerson(next, h, PersonTable.Housemate, age, _rng.Next(2), o, Names.Surname(ref _rng, o));
            }
            else
            {
                var maxAge = Math.Clamp(Math.Min(24, motherAge - 20), 0, 24);
                AddPerson(next, h, PersonTable.Child, _rng.Between(0, maxAge), _rng.Next(2), origin, surname);
            }
        }

        _h.Dwelling[h] = AddDwelling(buurt, type, headAge, first);
        return size;
    }

    private int HeadAge(byte type)
    {
        var u = _rng.NextDouble();
        return type switch
        {
            HouseholdTable.Single => u < 0.30 ? _rng.Between(18, 34) : u < 0.58 ? _rng.Between(35, 64) : Math.Min(100, 65 + (int)Math.Abs(_rng.Normal() * 14)),
            HouseholdTable.Couple => u < 0.2 ? _rng.Between(20, 34) : u < 0.36 ? _rng.Between(35, 54) : Math.Min(98, 56 + (int)Math.Abs(_rng.Normal() * 13)),
            HouseholdTable.CoupleWithChildren => _rng.Between(29, 60),
            HouseholdTable.SingleParent => _rng.Between(27, 62),
            _ => _rng.Between(18, 30),
        };
    }

    private void AddPerson(int p, int household, byte role, int age, int sex, int origin, ushort surname)
    {
        var birth = _options.ReferenceDate.AddYears(-age).DayNumber - _rng.Next(365);
        _persons.BirthDay[p] = birth;
        _persons.Sex[p] = (byte)sex;
        _persons.Role[p] = role;
        _persons.Household[p] = household;
        _persons.FirstName[p] = Names.FirstName(ref _rng, origin, sex);
        _persons.SecondName[p] = _rng.Chance(0.35) ? Names.FirstName(ref _rng, origin, sex) : ushort.MaxValue;
        _persons.Surname[p] = surname;
        _persons.Employer[p] = -1;
    }
}
