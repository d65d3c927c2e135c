using Workbench.Networks.Core;
using Workbench.Networks.Store;

namespace Workbench.Networks.Persons;

/// <summary>
/// Per-vertex person attributes needed for ego selection, matching and prevalence: birth year, sex, municipality and
/// risk factors, in vertex order of a <see cref="MultilayerNetwork"/>. About 8 bytes per person (140 MB nationally).
/// </summary>
public sealed class PersonAttributes
{
    /// <summary>Sex codes as stored: 0 = unknown, 1 = M, 2 = V.</summary>
    public const byte Male = 1, Female = 2;

    private readonly short[] _birthYear;
    private readonly byte[] _sex;
    private readonly int[] _municipality;
    private readonly RiskFactors[] _factors;
    private readonly string[] _municipalities;

    /// <summary>Creates attributes from arrays in vertex order (all of the same length).</summary>
    /// <param name="birthYear">Birth year per vertex (0 when unknown).</param>
    /// <param name="sex">Sex per vertex (<see cref="Male"/>, <see cref="Female"/>, 0 unknown).</param>
    /// <param name="municipality">Index into <paramref name="municipalities"/> per vertex, -1 when unknown.</param>
    /// <param name="factors">Risk factors per vertex.</param>
    /// <param name="municipalities">Municipality codes (GMxxxx).</param>
    public PersonAttributes(short[] birthYear, byte[] sex, int[] municipality, RiskFactors[] factors, string[] municipalities)
    {
        ArgumentNullException.ThrowIfNull(birthYear);
        ArgumentNullException.ThrowIfNull(sex);
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(municipalities);
        var n = birthYear.Length;
        if (sex.Length != n || municipality.Length != n || factors.Length != n)
        {
            throw new ArgumentException($"attribute arrays differ in length ({n}, {sex.Length}, {municipality.Length}, {factors.Length})");
        }
        _birthYear = birthYear;
        _sex = sex;
        _municipality = municipality;
        _factors = factors;
        _municipalities = municipalities;
    }

    /// <summary>Number of vertices described.</summary>
    public int Count => _birthYear.Length;

    /// <summary>Birth year of a vertex (0 when unknown).</summary>
    public int BirthYear(int vertex) => _birthYear[vertex];

    /// <summary>Age in whole years at the end of <paramref name="referenceYear"/> (by birth year).</summary>
    public int Age(int vertex, int referenceYear) => referenceYear - _birthYear[vertex];

    /// <summary>Sex code of a vertex.</summary>
    public byte Sex(int vertex) => _sex[vertex];

    /// <summary>Municipality index of a vertex (-1 when unknown).</summary>
    public int MunicipalityIndex(int vertex) => _municipality[vertex];

    /// <summary>Municipality code of a vertex, or null.</summary>
    public string? Municipality(int vertex) => _municipality[vertex] < 0 ? null : _municipalities[_municipality[vertex]];

    /// <summary>Risk factors of a vertex.</summary>
    public RiskFactors Factors(int vertex) => _factors[vertex];

    /// <summary>Whether the vertex has any of <paramref name="factors"/>.</summary>
    public bool HasAny(int vertex, RiskFactors factors) => (_factors[vertex] & factors) != 0;

    /// <summary>All risk factors in vertex order (read-only view for fast loops).</summary>
    public ReadOnlySpan<RiskFactors> AllFactors => _factors;

    /// <summary>
    /// The stratum of a vertex for matching on age, sex and area: birth year, sex and municipality in one key.
    /// </summary>
    public long Stratum(int vertex) => ((long)_birthYear[vertex] * 4 + _sex[vertex]) * 1_000_000 + (_municipality[vertex] + 1);

    /// <summary>Loads the attributes of every vertex of <paramref name="network"/> from the store it was built from.</summary>
    /// <exception cref="InvalidOperationException">When the store's persons differ from the network's vertices.</exception>
    public static PersonAttributes Load(string storePath, MultilayerNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var connection = StoreNetworkLoader.Open(storePath);
        var n = network.VertexCount;
        var birthYear = new short[n];
        var sex = new byte[n];
        var municipality = new int[n];
        var factors = new RiskFactors[n];
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_id, birth_year::INTEGER, sex, 'GM' || substr(buurt_code, 3, 4) FROM persons ORDER BY person_id";
        using (var reader = command.ExecuteReader())
        {
            var i = 0;
            var ids = network.PersonIds;
            while (reader.Read())
            {
                if (i >= n || reader.GetInt64(0) != ids[i]) throw new InvalidOperationException($"store '{storePath}' persons differ from the network '{network.Path}' at vertex {i}");
                birthYear[i] = reader.IsDBNull(1) ? (short)0 : (short)reader.GetInt32(1);
                sex[i] = reader.IsDBNull(2) ? (byte)0 : reader.GetString(2) switch { "M" => Male, "V" => Female, _ => (byte)0 };
                if (reader.IsDBNull(3)) municipality[i] = -1;
                else
                {
                    var code = reader.GetString(3);
                    if (!codes.TryGetValue(code, out var index)) codes.Add(code, index = codes.Count);
                    municipality[i] = index;
                }
                i++;
            }
            if (i != n) throw new InvalidOperationException($"store '{storePath}' has {i} persons, the network '{network.Path}' {n}");
        }
        MarkPersons(command, network, factors, "SELECT DISTINCT person_id FROM suspects WHERE offence LIKE 'hic\\_%' ESCAPE '\\'", RiskFactors.HighImpactSuspect);
        MarkPersons(command, network, factors, "SELECT DISTINCT person_id FROM suspects WHERE offence LIKE 'drugs\\_%' ESCAPE '\\'", RiskFactors.DrugSuspect);
        MarkPersons(command, network, factors, "SELECT DISTINCT person_id FROM person_convictions", RiskFactors.Convicted);
        MarkPersons(command, network, factors, "SELECT person_id FROM risk_factors WHERE school_dropout", RiskFactors.SchoolDropout);
        MarkPersons(command, network, factors, "SELECT person_id FROM risk_factors WHERE problematic_debt", RiskFactors.ProblematicDebt);
        MarkPersons(command, network, factors, "SELECT person_id FROM risk_factors WHERE youth_care", RiskFactors.YouthCare);
        var names = new string[codes.Count];
        foreach (var (code, index) in codes) names[index] = code;
        return new PersonAttributes(birthYear, sex, municipality, factors, names);
    }

    private static void MarkPersons(DuckDB.NET.Data.DuckDBCommand command, MultilayerNetwork network, RiskFactors[] factors, string sql, RiskFactors factor)
    {
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (network.TryGetVertex(reader.GetInt64(0), out var vertex)) factors[vertex] |= factor;
        }
    }
}
