using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Microdata.Schema;

/// <summary>
/// <c>manifest.json</c> in a delivery directory: who delivered what, when, and the SHA-256 of each file. The generator
/// writes it; ingest records it in the catalogue as the delivery version and refuses a file whose hash differs.
/// </summary>
public sealed record DeliveryManifest(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("referenceDate")] DateOnly ReferenceDate,
    [property: JsonPropertyName("deliveries")] IReadOnlyList<DeliveryFile> Deliveries)
{
    /// <summary>The file name of the manifest inside a delivery directory.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Reads the manifest of a delivery directory, or <c>null</c> when it has none.</summary>
    public static DeliveryManifest? TryRead(string deliveryDirectory)
    {
        var path = Path.Combine(deliveryDirectory, FileName);
        if (!File.Exists(path)) return null;
        return JsonSerializer.Deserialize<DeliveryManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path}: empty manifest");
    }

    /// <summary>Writes the manifest into a delivery directory.</summary>
    public void Write(string deliveryDirectory) =>
        File.WriteAllText(Path.Combine(deliveryDirectory, FileName), JsonSerializer.Serialize(this, Json));
}

/// <summary>One delivered file.</summary>
/// <param name="Dataset">The dataset name (<see cref="Datasets"/>).</param>
/// <param name="File">The path relative to the delivery directory.</param>
/// <param name="Version">The delivery version the agency gives it (e.g. <c>2025-12-31.1</c>).</param>
/// <param name="Rows">Data rows in the file (without the header).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record DeliveryFile(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("sha256")] string Sha256);
