namespace Workbench.Microdata.Schema;

/// <summary>The category values the source agencies use. The generator draws from these; ingest accepts only these.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Sex = ["M", "V"];

    public static readonly IReadOnlyList<string> HouseholdTypes =
        ["eenpersoons", "paar_zonder_kinderen", "paar_met_kinderen", "eenouder", "overig"];

    /// <summary>BAG gebruiksdoel (use of a verblijfsobject).</summary>
    public static readonly IReadOnlyList<string> BuildingUses =
    [
        "woonfunctie", "industriefunctie", "kantoorfunctie", "winkelfunctie", "bijeenkomstfunctie",
        "logiesfunctie", "onderwijsfunctie", "overige_gebruiksfunctie",
    ];

    public static readonly IReadOnlyList<string> OwnerTypes =
        ["eigenaar_bewoner", "woningcorporatie", "particuliere_verhuurder", "bedrijf", "overheid"];

    /// <summary>Layers of the CBS person network.</summary>
    public static readonly IReadOnlyList<string> NetworkLayers =
        ["huishouden", "familie", "buren", "klasgenoten", "collegas"];

    public static readonly IReadOnlyList<string> NetworkRelations =
        ["partner", "ouder_kind", "broer_zus", "huisgenoot", "buur", "klasgenoot", "collega"];

    /// <summary>Offence types in police and justice records. The <c>hic_</c> ones are high-impact crimes.</summary>
    public static readonly IReadOnlyList<string> Offences =
    [
        "drugs_hard", "drugs_soft", "hic_overval", "hic_straatroof", "hic_woninginbraak", "geweld", "vermogen",
        "fraude", "witwassen", "wapens", "vernieling", "verkeer",
    ];

    public static readonly IReadOnlyList<string> PersonSanctions =
        ["gevangenisstraf", "jeugddetentie", "taakstraf", "geldboete", "voorwaardelijk", "schuldig_zonder_straf"];

    public static readonly IReadOnlyList<string> CompanyOffences =
        ["witwassen", "fraude", "drugs_hard", "drugs_soft", "milieu", "arbeidsuitbuiting", "faillissementsfraude"];

    public static readonly IReadOnlyList<string> CompanySanctions =
        ["geldboete", "verbeurdverklaring", "stillegging", "voorwaardelijke_geldboete"];

    public static readonly IReadOnlyList<string> DismantlingKinds =
        ["hennepkwekerij", "synthetisch_drugslab", "drugsopslag"];

    public static readonly IReadOnlyList<string> DismantlingSizes = ["klein", "middel", "groot", "industrieel"];

    public static readonly IReadOnlyList<string> LegalForms =
        ["eenmanszaak", "vof", "bv", "nv", "stichting", "cooperatie"];

    public static readonly IReadOnlyList<string> OfficerRoles = ["eigenaar", "bestuurder", "gevolmachtigde"];

    public static readonly IReadOnlyList<string> ReportingInstitutions =
        ["bank", "betaaldienstverlener", "casino", "autohandelaar", "notaris", "cryptodienstverlener", "makelaar"];

    public static readonly IReadOnlyList<string> TransactionTypes =
        ["contante_storting", "contante_opname", "overboeking", "geldtransfer", "crypto", "contante_aankoop"];

    /// <summary>SBI 2008 divisions (two digits) with their Dutch short names.</summary>
    public static readonly IReadOnlyDictionary<string, string> SbiDivisions = new Dictionary<string, string>
    {
        ["01"] = "landbouw",
        ["10"] = "voedingsmiddelenindustrie",
        ["25"] = "metaalproductenindustrie",
        ["41"] = "bouw van gebouwen",
        ["43"] = "gespecialiseerde bouw",
        ["45"] = "handel in en reparatie van auto's",
        ["46"] = "groothandel",
        ["47"] = "detailhandel",
        ["49"] = "vervoer over land",
        ["52"] = "opslag en dienstverlening voor vervoer",
        ["55"] = "logies",
        ["56"] = "eet- en drinkgelegenheden",
        ["62"] = "IT-dienstverlening",
        ["64"] = "financiële instellingen",
        ["66"] = "overige financiële dienstverlening",
        ["68"] = "verhuur en handel van onroerend goed",
        ["69"] = "rechtskundige dienstverlening en accountancy",
        ["70"] = "holdings en concerndiensten",
        ["73"] = "reclame en marktonderzoek",
        ["77"] = "verhuur van roerende goederen",
        ["78"] = "arbeidsbemiddeling en uitzendbureaus",
        ["81"] = "facility management en schoonmaak",
        ["85"] = "onderwijs",
        ["86"] = "gezondheidszorg",
        ["88"] = "maatschappelijke dienstverlening zonder overnachting",
        ["92"] = "loterijen en kansspelen",
        ["93"] = "sport en recreatie",
        ["96"] = "overige persoonlijke dienstverlening",
    };
}
