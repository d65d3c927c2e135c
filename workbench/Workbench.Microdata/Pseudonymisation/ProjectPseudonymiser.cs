using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Workbench.Microdata.Pseudonymisation;

/// <summary>
/// Project pseudonyms: a per-project key is derived from the master key with HKDF-SHA256 (project id as info, a fixed
/// salt); a project pseudonym is the first 8 bytes of HMAC-SHA256(project key, kind tag || master pseudonym).
/// Linkable across datasets inside one project, unlinkable across projects. Thread-safe.
/// </summary>
public sealed class ProjectPseudonymiser : IDisposable
{
    private static readonly byte[] Salt = Encoding.ASCII.GetBytes("workbench/project-pseudonyms/v1");

    private readonly byte[] _projectKey;

    /// <summary>Derives the project key for <paramref name="projectId"/>.</summary>
    public ProjectPseudonymiser(PseudonymKey key, string projectId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ProjectId = projectId;
        _projectKey = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Secret, _projectKey, Salt, Encoding.UTF8.GetBytes(projectId));
    }

    /// <summary>The project the pseudonyms belong to.</summary>
    public string ProjectId { get; }

    /// <summary>The project pseudonym of a master pseudonym; allocation-free.</summary>
    public long Pseudonymise(KeyKind kind, long master)
    {
        Span<byte> message = stackalloc byte[DomainTags.MaxLength + sizeof(long)];
        var tag = DomainTags.Of(kind);
        tag.CopyTo(message);
        BinaryPrimitives.WriteInt64BigEndian(message[tag.Length..], master);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_projectKey, message[..(tag.Length + sizeof(long))], mac);
        return BinaryPrimitives.ReadInt64BigEndian(mac);
    }

    /// <summary>Erases the project key from memory.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_projectKey);
}
