namespace Workbench.Microdata.Store;

/// <summary>A store's pseudonyms were made with another master key; mixing them would break every link.</summary>
public sealed class StoreKeyMismatchException : Exception
{
    /// <summary>Creates the exception with both key fingerprints (fingerprints reveal nothing about the keys).</summary>
    public StoreKeyMismatchException(string storePath, string storeFingerprint, string keyFingerprint)
        : base($"store '{storePath}' was created with another pseudonym key (fingerprint {storeFingerprint[..16]}…), " +
               $"the given key has fingerprint {keyFingerprint[..16]}…; refusing to mix pseudonyms")
    {
        StorePath = storePath;
        StoreFingerprint = storeFingerprint;
        KeyFingerprint = keyFingerprint;
    }

    /// <summary>The store file.</summary>
    public string StorePath { get; }

    /// <summary>The fingerprint the store records.</summary>
    public string StoreFingerprint { get; }

    /// <summary>The fingerprint of the key that was given.</summary>
    public string KeyFingerprint { get; }
}
