namespace OutputControl.Requests;

/// <summary>A fitted model: n observations and k parameters; residual degrees of freedom are n − k.</summary>
public sealed record ModelOutput(long Observations, long Parameters) : Output
{
    /// <summary>n − k.</summary>
    public long ResidualDf => Observations - Parameters;
}
