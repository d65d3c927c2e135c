using Workbench.Audit;

namespace Workbench.Server.Audit;

/// <summary>Audit settings. The checkpoint key comes from configuration (base64, at least 32 bytes), never from code.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The HMAC-SHA256 key that signs checkpoints, base64.</summary>
    public string? CheckpointKey { get; set; }

    /// <summary>A signed checkpoint is written whenever the log reaches a multiple of this many entries.</summary>
    public int CheckpointInterval { get; set; } = 100;

    public CheckpointKey Key => Workbench.Audit.CheckpointKey.FromBase64(CheckpointKey);

    internal static bool HasValidKey(AuditOptions options)
    {
        try
        {
            _ = options.Key;
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
