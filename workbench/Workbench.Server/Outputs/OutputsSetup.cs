namespace Workbench.Server.Outputs;

public static class OutputsSetup
{
    /// <summary>
    /// Output review and releases; the receipt key must be configured (base64, at least 32 bytes), and the disclosure
    /// policy every output is checked under comes from configuration only, never weaker than the contract's defaults.
    /// </summary>
    public static WebApplicationBuilder AddOutputs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReleaseOptions>().BindConfiguration(ReleaseOptions.Section)
            .Validate(ReleaseOptions.IsValid, "Releases:ReceiptKey must be base64 of at least 32 bytes, Releases:ReleasesPerYear 1, 2, 3, 4, 6 or 12, Releases:CheckTimeLimit positive")
            .ValidateOnStart();
        builder.Services.AddOptions<DisclosurePolicyOptions>().BindConfiguration(DisclosurePolicyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DisclosurePolicyOptions>, DisclosurePolicyValidation>();
        builder.Services.AddScoped<OutputSubmissions>();
        builder.Services.AddScoped<ReviewActions>();
        builder.Services.AddScoped<ReleaseLookup>();
        return builder;
    }
}
