using OutputControl.Releases;

namespace Workbench.Server.Outputs;

/// <summary>
/// Release settings. The receipt key comes from configuration (base64, at least 32 bytes), never from code; the
/// schedule is four releases a year unless configured otherwise.
/// </summary>
public sealed class ReleaseOptions
{
    public const string Section = "Releases";

    /// <summary>The HMAC-SHA256 key that signs release receipts, base64.</summary>
    public string? ReceiptKey { get; set; }

    /// <summary>Releases per year: 1, 2, 3, 4 (default), 6 or 12.</summary>
    public int ReleasesPerYear { get; set; } = 4;

    /// <summary>How long the exact secondary-suppression search may take per submission before the heuristic is used.</summary>
    public TimeSpan CheckTimeLimit { get; set; } = TimeSpan.FromSeconds(60);

    public ReceiptKey Key => OutputControl.Releases.ReceiptKey.FromBase64(ReceiptKey);

    public ReleaseSchedule Schedule => new(ReleasesPerYear);

    internal static bool IsValid(ReleaseOptions options)
    {
        try
        {
            _ = options.Key;
            _ = options.Schedule;
            return options.CheckTimeLimit > TimeSpan.Zero;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
