using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Audit;

/// <summary>What the journal held when it was read: its checkpoints, or why it could not be read.</summary>
/// <param name="Path">The journal file.</param>
/// <param name="Exists">Whether the file is there at all.</param>
/// <param name="Checkpoints">Every line, in file order (one per checkpoint, possibly repeated).</param>
/// <param name="Error">Why the file cannot be trusted as a journal (a line that is not a checkpoint), or null.</param>
public sealed record JournalContents(string Path, bool Exists, IReadOnlyList<AuditCheckpoint> Checkpoints, string? Error);

/// <summary>
/// The second home of every signed checkpoint: one JSON line per checkpoint in a file outside the database, opened
/// only for appending and, where the kernel allows, sealed append-only (<see cref="AppendOnlyFile"/>).
/// </summary>
/// <remarks>
/// <para><b>Threat model.</b> The checkpoint key has to be in the server process, because the server signs a checkpoint
/// in the transaction that writes the entry; and the server's account is the account that can rewrite the database.
/// Keeping the key from that account is therefore not something this code can enforce. What it can enforce is a
/// record that account cannot take back: every checkpoint is also appended here, and <see cref="AuditVerifier"/>
/// requires the database's checkpoints and these lines to agree.</para>
/// <list type="bullet">
/// <item>Someone holding only the database (a DBA, a leaked connection string, a restored backup, SQL injection) cannot
/// sign, so deleting checkpoint rows and recomputing the chain shows up as a missing checkpoint, and rewriting the
/// rows the journal covers as a journal mismatch.</item>
/// <item>Someone holding the server's account (and so the key) can re-sign checkpoints in the database, but cannot
/// remove or change the lines already here once the file carries the append-only attribute and the account lacks
/// CAP_LINUX_IMMUTABLE: every earlier line still pins the old Merkle root, so a rewrite of anything it covers fails
/// verification. A second, different line for the same tree size is itself a mismatch.</item>
/// <item>What stays open: entries written after the newest journal line (bounded by the checkpoint interval and
/// period), and root on the server's host (who can remove the attribute). Put the journal in a directory the server's
/// account cannot rename (root-owned), seal it as root with <c>chattr +a</c>, and copy it off the host for the
/// strongest guarantee.</item>
/// </list>
/// </remarks>
public sealed class CheckpointJournal(string path)
{
    private static readonly JsonSerializerOptions LineJson = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends the checkpoints as lines, in one write that is flushed to disk before returning.</summary>
    public void Append(IReadOnlyCollection<AuditCheckpoint> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (checkpoints.Count == 0) return;
        var text = new StringBuilder();
        foreach (var c in checkpoints)
        {
            text.Append(JsonSerializer.Serialize(new Line(c.TreeSize, c.RootHash, c.SignedAtMs, c.Signature), LineJson)).Append('\n');
        }
        AppendOnlyFile.Append(Path, Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>Sets the append-only attribute when this account may, and says whether it holds.</summary>
    public AppendOnlyStatus Seal() => AppendOnlyFile.Seal(Path);

    /// <summary>Whether the append-only attribute holds.</summary>
    public AppendOnlyStatus Protection() => AppendOnlyFile.Status(Path);

    /// <summary>Reads every line; a line that is not a whole checkpoint makes the journal unreadable (with its number).</summary>
    public JournalContents Read()
    {
        if (!File.Exists(Path)) return new JournalContents(Path, false, [], null);
        var text = File.ReadAllText(Path, Encoding.UTF8);
        var checkpoints = new List<AuditCheckpoint>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i == lines.Length - 1)
            {
                // The text ends with a newline, so the last piece is empty; anything else is a cut-off line.
                if (line.Length == 0) break;
                return new JournalContents(Path, true, checkpoints, $"line {i + 1} of the checkpoint journal {Path} is cut off");
            }
            if (Parse(line) is not { } checkpoint)
            {
                return new JournalContents(Path, true, checkpoints, $"line {i + 1} of the checkpoint journal {Path} is not a checkpoint");
            }
            checkpoints.Add(checkpoint);
        }
        return new JournalContents(Path, true, checkpoints, null);
    }

    private static AuditCheckpoint? Parse(string line)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<Line>(line, LineJson);
            return parsed is { TreeSize: >= 0, RootHash.Length: 64, Signature.Length: 64 } && IsHex(parsed.RootHash) && IsHex(parsed.Signature)
                ? new AuditCheckpoint(parsed.TreeSize, parsed.RootHash, parsed.SignedAtMs, parsed.Signature)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigitLower);

    private sealed record Line(
        [property: JsonPropertyName("treeSize"), JsonRequired] long TreeSize,
        [property: JsonPropertyName("rootHash"), JsonRequired] string RootHash,
        [property: JsonPropertyName("signedAtMs"), JsonRequired] long SignedAtMs,
        [property: JsonPropertyName("signature"), JsonRequired] string Signature);
}
