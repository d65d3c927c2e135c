using OutputControl.Noise;
using OutputControl.Requests;

namespace Workbench.Server.Outputs;

/// <summary>
/// The disclosure policy the server checks every output under, from configuration only (section
/// <c>DisclosurePolicy</c>); an author's request cannot lower it. The defaults are the contract's. A configured
/// policy weaker than the contract's defaults in any field is refused at start-up: configuration may make the
/// rules stricter, never looser. Enabling cell-key noise (<see cref="CellKey"/>) is the one exception: it lets outputs
/// that ask for it be noised instead of suppressed, and is validated on its own.
/// </summary>
public sealed class DisclosurePolicyOptions
{
    public const string Section = "DisclosurePolicy";

    public int MinUnits { get; set; } = 10;

    public bool ZerosDisclosive { get; set; }

    public int RoundingBase { get; set; } = 10;

    public MidpointPolicy MidpointRounding { get; set; } = MidpointPolicy.AwayFromZero;

    /// <summary>n of the (n,k) dominance rule (cannot be switched off).</summary>
    public int DominanceN { get; set; } = 2;

    /// <summary>k of the (n,k) dominance rule, in percent.</summary>
    public decimal DominanceK { get; set; } = 85m;

    /// <summary>p of the p% rule (cannot be switched off).</summary>
    public decimal PPercent { get; set; } = 10m;

    public int MinResidualDf { get; set; } = 10;

    public SecondaryMethod Secondary { get; set; } = SecondaryMethod.Optimal;

    /// <summary>Cell-key noise for outputs that ask for it, or null (the default): off.</summary>
    public CellKeyNoiseOptions? CellKey { get; set; }

    /// <summary>The policy; throws <see cref="InvalidRequestException"/> naming a field that is out of range.</summary>
    public Policy ToPolicy() => new(
        MinUnits, ZerosDisclosive, RoundingBase, MidpointRounding, new DominanceRule(DominanceN, DominanceK), PPercent, MinResidualDf, Secondary,
        cellKey: CellKey is { } ck ? new CellKeyPolicy(ck.MaxNoise, ck.Variance) : null);

    /// <summary>Why the configured policy cannot be used, or null: out of range, or weaker than the contract's defaults.</summary>
    internal static string? Refusal(DisclosurePolicyOptions options)
    {
        try
        {
            // Against the defaults without cell-key noise: enabling it is the administrator's choice, not a weakening.
            var weaker = options.ToPolicy().WithCellKey(null).WeakeningsAgainst(Policy.Default);
            return weaker.Count == 0 ? null
                : $"{Section} is weaker than the contract's defaults: {string.Join("; ", weaker.Select(w => $"{w.Field}: {w.Problem}"))}";
        }
        catch (InvalidRequestException e)
        {
            return $"{Section}: {e.Message}";
        }
    }
}

/// <summary>Refuses to start with a disclosure policy that is out of range or weaker than the contract's defaults.</summary>
internal sealed class DisclosurePolicyValidation : Microsoft.Extensions.Options.IValidateOptions<DisclosurePolicyOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, DisclosurePolicyOptions options) =>
        DisclosurePolicyOptions.Refusal(options) is { } refusal
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(refusal)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
