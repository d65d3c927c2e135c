using static Workbench.Microdata.Schema.ColumnRule;
using static Workbench.Microdata.Schema.Sensitivity;

namespace Workbench.Microdata.Schema;

/// <summary>
/// Every dataset Workbench receives, in ingest order (a dataset only refers to datasets before it). This is the
/// contract between the synthetic generator, ingest, the store and the catalogue: the generator writes exactly these
/// headers, ingest applies exactly these rules, and nothing else enters the store.
/// </summary>
public static class Datasets
{
    public const string Areas = "areas";
    public const string Households = "households";
    public const string Buildings = "buildings";
    public const string Persons = "persons";
    public const string Incomes = "incomes";
    public const string Companies = "companies";
    public const string CompanyOfficers = "company_officers";
    public const string Jobs = "jobs";
    public const string NetworkLinks = "network_links";
    public const string Suspects = "suspects";
    public const string PersonConvictions = "person_convictions";
    public const string CompanyConvictions = "company_convictions";
    public const string Dismantlings = "dismantlings";
    public const string UnusualTransactions = "unusual_transactions";
    public const string RiskFactors = "risk_factors";

    /// <summary>Earliest and latest years that dates in the deliveries may carry.</summary>
    public const int FirstYear = 1900, LastYear = 2030;

    public static readonly DatasetDefinition AreasDataset = new(
        Areas, "cbs/gebieden.csv", "CBS",
        "The CBS area hierarchy (Wijk- en Buurtkaart): one row per buurt with its wijk and gemeente.",
        [
            Code("buurtcode", "buurt_code", "Buurt (neighbourhood) code, BU + gemeente + wijk + buurt digits", AreaLevel.Buurt),
            Txt("buurtnaam", "buurt_name", "Name of the buurt"),
            Code("wijkcode", "wijk_code", "Wijk (district) code, WK + gemeente + wijk digits", AreaLevel.Wijk),
            Txt("wijknaam", "wijk_name", "Name of the wijk"),
            Code("gemeentecode", "gemeente_code", "Gemeente (municipality) code, GM + four digits", AreaLevel.Gemeente),
            Txt("gemeentenaam", "gemeente_name", "Name of the gemeente"),
            Int("stedelijkheid", "urbanity", "Degree of urbanity, 1 (very strongly urban) to 5 (not urban)", Public, 1, 5),
        ])
    { Unit = "buurten" };

    public static readonly DatasetDefinition HouseholdsDataset = new(
        Households, "cbs/huishoudens.csv", "CBS",
        "Households on the reference date with their composition and disposable income.",
        [
            Key(HouseholdKey, "huishoudnummer", "household_id", "Household pseudonym"),
            Cat("huishoudtype", "household_type", "Composition of the household", QuasiIdentifier, Vocabulary.HouseholdTypes),
            Int("aantal_personen", "size", "Number of persons in the household", QuasiIdentifier, 1, 30),
            Int("besteedbaar_inkomen", "disposable_income_eur", "Yearly disposable household income in euros", Confidential, -1_000_000, 100_000_000),
        ])
    { Unit = "households" };

    public static readonly DatasetDefinition BuildingsDataset = new(
        Buildings, "bag/verblijfsobjecten.csv", "Kadaster (BAG) with WOZ values",
        "Addressable objects (verblijfsobjecten): use, size, age, WOZ value, ownership and vacancy.",
        [
            Key(BuildingKey, "verblijfsobjectid", "building_id", "Building (verblijfsobject) pseudonym"),
            Drop("straat", "Street name"),
            Drop("huisnummer", "House number"),
            Drop("postcode", "Six-position postcode"),
            Code("buurtcode", "buurt_code", "Buurt the object lies in", AreaLevel.Buurt),
            Cat("gebruiksdoel", "use", "BAG use (gebruiksdoel)", Public, Vocabulary.BuildingUses),
            Int("oppervlakte_m2", "floor_area_m2", "Usable floor area in square metres", Confidential, 1, 1_000_000),
            Int("bouwjaar", "build_year", "Year of construction", Confidential, 1000, LastYear),
            Int("woz_waarde", "woz_value_eur", "WOZ (assessed) value in euros", Confidential, 0, 10_000_000_000),
            Cat("eigenaar_type", "owner_type", "Kind of owner", Confidential, Vocabulary.OwnerTypes),
            Key(PersonKey, "eigenaar_bsn", "owner_person_id", "Pseudonym of the owning person, if a person owns it") with { Optional = true },
            Key(CompanyKey, "eigenaar_kvk", "owner_company_id", "Pseudonym of the owning company, if a company owns it") with { Optional = true },
            Flag("leegstand", "vacant", "Whether the object is vacant", Confidential),
        ])
    { Unit = "buildings" };

    public static readonly DatasetDefinition PersonsDataset = new(
        Persons, "brp/personen.csv", "RvIG (BRP, municipal personal records)",
        "Persons registered in the Netherlands on the reference date.",
        [
            Key(PersonKey, "bsn", "person_id", "Person pseudonym"),
            Drop("voornamen", "First names"),
            Drop("geslachtsnaam", "Surname"),
            new RawColumn("geboortedatum", DateToYear, "birth_year", "Year of birth (the exact date never enters the store)", QuasiIdentifier) { Min = FirstYear, Max = LastYear },
            Cat("geslacht", "sex", "Sex as registered", QuasiIdentifier, Vocabulary.Sex),
            new RawColumn("verblijfsobjectid", AddressToBuurt, "buurt_code", "Buurt of the home address (the address itself never enters the store)", QuasiIdentifier) { References = Buildings },
            Drop("straat", "Street name"),
            Drop("huisnummer", "House number"),
            Drop("postcode", "Six-position postcode"),
            Key(HouseholdKey, "huishoudnummer", "household_id", "Pseudonym of the person's household") with { References = Households },
        ])
    { Unit = "persons" };

    public static readonly DatasetDefinition IncomesDataset = new(
        Incomes, "belastingdienst/inkomens.csv", "Belastingdienst",
        "Personal gross income per person and year.",
        [
            Key(PersonKey, "bsn", "person_id", "Person pseudonym") with { References = Persons },
            Int("jaar", "year", "Tax year", Public, FirstYear, LastYear),
            Int("persoonlijk_inkomen", "personal_income_eur", "Personal gross income in euros", Confidential, -10_000_000, 1_000_000_000),
        ])
    { Unit = "persons" };

    public static readonly DatasetDefinition CompaniesDataset = new(
        Companies, "kvk/vestigingen.csv", "KvK (Chamber of Commerce)",
        "Registered companies with their branch, location and size.",
        [
            Key(CompanyKey, "kvknummer", "company_id", "Company pseudonym"),
            Drop("handelsnaam", "Trade name"),
            Cat("sbi", "sbi_division", "SBI 2008 division (two digits) of the main activity", Public, [.. Vocabulary.SbiDivisions.Keys]),
            Cat("rechtsvorm", "legal_form", "Legal form", Public, Vocabulary.LegalForms),
            new RawColumn("verblijfsobjectid", AddressToBuurt, "buurt_code", "Buurt of the establishment", QuasiIdentifier) { References = Buildings },
            new RawColumn("oprichtingsdatum", DateToYear, "founded_year", "Year the company was founded", QuasiIdentifier) { Min = FirstYear, Max = LastYear },
            Int("werkzame_personen", "employees", "Number of people working there", Confidential, 0, 1_000_000),
        ])
    { Unit = "companies" };

    public static readonly DatasetDefinition CompanyOfficersDataset = new(
        CompanyOfficers, "kvk/functionarissen.csv", "KvK (Chamber of Commerce)",
        "Directors, owners and proxies of companies.",
        [
            Key(CompanyKey, "kvknummer", "company_id", "Company pseudonym") with { References = Companies },
            Key(PersonKey, "bsn", "person_id", "Pseudonym of the officer") with { References = Persons },
            Cat("rol", "role", "Role in the company", Public, Vocabulary.OfficerRoles),
            new RawColumn("ingangsdatum", DateToYear, "since_year", "Year the role started", QuasiIdentifier) { Min = FirstYear, Max = LastYear },
        ])
    { Unit = "company officers" };

    public static readonly DatasetDefinition JobsDataset = new(
        Jobs, "polis/banen.csv", "UWV (Polisadministratie)",
        "Jobs: which person works at which company.",
        [
            Key(PersonKey, "bsn", "person_id", "Employee pseudonym") with { References = Persons },
            Key(CompanyKey, "kvknummer", "company_id", "Employer pseudonym") with { References = Companies },
            new RawColumn("aanvangsdatum", DateToYear, "start_year", "Year the job started", QuasiIdentifier) { Min = FirstYear, Max = LastYear },
            Int("jaarloon", "annual_wage_eur", "Yearly wage in euros", Confidential, 0, 100_000_000),
        ])
    { Unit = "jobs" };

    public static readonly DatasetDefinition NetworkLinksDataset = new(
        NetworkLinks, "cbs/persoonsnetwerk.csv", "CBS (Persoonsnetwerken)",
        "Undirected links of the multilayer person network, each pair once per layer and relation.",
        [
            Key(PersonKey, "bsn_1", "person_a", "Pseudonym of one end") with { References = Persons },
            Key(PersonKey, "bsn_2", "person_b", "Pseudonym of the other end") with { References = Persons },
            Cat("laag", "layer", "Network layer", Public, Vocabulary.NetworkLayers),
            Cat("relatie", "relation", "Relation within the layer", Public, Vocabulary.NetworkRelations),
        ])
    { Unit = "links" };

    public static readonly DatasetDefinition SuspectsDataset = new(
        Suspects, "politie/verdachten.csv", "Politie (BVH)",
        "Registrations of persons as suspect of an offence.",
        [
            Drop("registratienummer", "Police registration number"),
            Key(PersonKey, "bsn", "person_id", "Suspect pseudonym") with { References = Persons },
            new RawColumn("pleegdatum", DateToMonth, "offence_month", "Month of the offence", CriminalData) { Min = FirstYear, Max = LastYear },
            Cat("delict", "offence", "Offence type; hic_ are high-impact crimes", CriminalData, Vocabulary.Offences),
            Code("pleeggemeente", "offence_gemeente_code", "Municipality where the offence took place", AreaLevel.Gemeente),
        ])
    { Unit = "suspect registrations" };

    public static readonly DatasetDefinition PersonConvictionsDataset = new(
        PersonConvictions, "justitie/veroordelingen.csv", "Justid (Justitiële Documentatie)",
        "Final convictions of persons.",
        [
            Drop("parketnummer", "Public prosecutor's case number"),
            Key(PersonKey, "bsn", "person_id", "Convicted person's pseudonym") with { References = Persons },
            new RawColumn("vonnisdatum", DateToMonth, "judgement_month", "Month of the judgement", CriminalData) { Min = FirstYear, Max = LastYear },
            Cat("delict", "offence", "Offence type", CriminalData, Vocabulary.Offences),
            Cat("sanctie", "sanction", "Main sanction", CriminalData, Vocabulary.PersonSanctions),
        ])
    { Unit = "convictions" };

    public static readonly DatasetDefinition CompanyConvictionsDataset = new(
        CompanyConvictions, "justitie/veroordelingen_rechtspersonen.csv", "Justid (Justitiële Documentatie)",
        "Final convictions of companies (legal persons).",
        [
            Drop("parketnummer", "Public prosecutor's case number"),
            Key(CompanyKey, "kvknummer", "company_id", "Convicted company's pseudonym") with { References = Companies },
            new RawColumn("vonnisdatum", DateToMonth, "judgement_month", "Month of the judgement", CriminalData) { Min = FirstYear, Max = LastYear },
            Cat("delict", "offence", "Offence type", CriminalData, Vocabulary.CompanyOffences),
            Cat("sanctie", "sanction", "Main sanction", CriminalData, Vocabulary.CompanySanctions),
        ])
    { Unit = "convictions" };

    public static readonly DatasetDefinition DismantlingsDataset = new(
        Dismantlings, "politie/ontmantelingen.csv", "Politie (LFO)",
        "Dismantled drug labs, hemp farms and drug storage locations.",
        [
            Drop("zaaknummer", "Police case number"),
            Key(BuildingKey, "verblijfsobjectid", "building_id", "Pseudonym of the building where it was found") with { References = Buildings },
            new RawColumn("ontmantelingsdatum", DateToMonth, "dismantled_month", "Month of dismantling", CriminalData) { Min = FirstYear, Max = LastYear },
            Cat("soort", "kind", "What was found", CriminalData, Vocabulary.DismantlingKinds),
            Cat("omvang", "size_class", "Size class", CriminalData, Vocabulary.DismantlingSizes),
        ])
    { Unit = "dismantlings" };

    public static readonly DatasetDefinition UnusualTransactionsDataset = new(
        UnusualTransactions, "fiu/ongebruikelijke_transacties.csv", "FIU-Nederland",
        "Unusual-transaction reports by reporting institutions; some declared suspicious by the FIU.",
        [
            Drop("meldingnummer", "FIU report number"),
            Cat("melder", "reporting_institution", "Kind of reporting institution", Public, Vocabulary.ReportingInstitutions),
            new RawColumn("transactiedatum", DateToMonth, "transaction_month", "Month of the transaction", CriminalData) { Min = FirstYear, Max = LastYear },
            Int("bedrag", "amount_eur", "Amount in whole euros", CriminalData, 0, 10_000_000_000),
            Cat("transactietype", "transaction_type", "Kind of transaction", CriminalData, Vocabulary.TransactionTypes),
            Key(PersonKey, "bsn", "person_id", "Pseudonym of the person involved, if a person") with { Optional = true, References = Persons },
            Key(CompanyKey, "kvknummer", "company_id", "Pseudonym of the company involved, if a company") with { Optional = true, References = Companies },
            Flag("verdacht_verklaard", "declared_suspicious", "Whether the FIU declared the transaction suspicious", CriminalData),
        ])
    { Unit = "transactions" };

    public static readonly DatasetDefinition RiskFactorsDataset = new(
        RiskFactors, "gemeenten/risicofactoren.csv", "DUO, CJG and municipal debt counselling, combined by CBS",
        "Risk factors per person on the reference date (only persons with at least one factor are delivered).",
        [
            Key(PersonKey, "bsn", "person_id", "Person pseudonym") with { References = Persons },
            Flag("voortijdig_schoolverlaten", "school_dropout", "Left school early without a basic qualification", Confidential),
            Flag("problematische_schulden", "problematic_debt", "Registered problematic debts", Confidential),
            Flag("jeugdzorg", "youth_care", "Received youth care in the past year", Confidential),
        ])
    { Unit = "persons" };

    /// <summary>All datasets in ingest order.</summary>
    public static readonly IReadOnlyList<DatasetDefinition> All =
    [
        AreasDataset, HouseholdsDataset, BuildingsDataset, PersonsDataset, IncomesDataset, CompaniesDataset,
        CompanyOfficersDataset, JobsDataset, NetworkLinksDataset, SuspectsDataset, PersonConvictionsDataset,
        CompanyConvictionsDataset, DismantlingsDataset, UnusualTransactionsDataset, RiskFactorsDataset,
    ];

    /// <summary>The dataset with this store name.</summary>
    public static DatasetDefinition Get(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new KeyNotFoundException($"unknown dataset '{name}'");

    private static RawColumn Drop(string name, string meaning) => new(name, ColumnRule.Drop, null, meaning, DirectIdentifier);

    private static RawColumn Key(ColumnRule rule, string name, string storedAs, string meaning) => new(name, rule, storedAs, meaning, Pseudonym);

    private static RawColumn Code(string name, string storedAs, string meaning, AreaLevel level) =>
        new(name, AreaCode, storedAs, meaning, Public) { AreaLevel = level };

    private static RawColumn Txt(string name, string storedAs, string meaning) => new(name, Text, storedAs, meaning, Public);

    private static RawColumn Cat(string name, string storedAs, string meaning, Sensitivity sensitivity, IReadOnlyList<string> values) =>
        new(name, Category, storedAs, meaning, sensitivity) { Categories = values };

    private static RawColumn Int(string name, string storedAs, string meaning, Sensitivity sensitivity, long min, long max) =>
        new(name, WholeNumber, storedAs, meaning, sensitivity) { Min = min, Max = max };

    private static RawColumn Flag(string name, string storedAs, string meaning, Sensitivity sensitivity) =>
        new(name, ColumnRule.Flag, storedAs, meaning, sensitivity);
}
