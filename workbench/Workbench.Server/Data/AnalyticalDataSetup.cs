namespace Workbench.Server.Data;

public static class AnalyticalDataSetup
{
    /// <summary>Where the analytical store and its key are (configuration <c>AnalyticalData</c>), with a health check.</summary>
    public static WebApplicationBuilder AddAnalyticalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticalDataOptions>().BindConfiguration(AnalyticalDataOptions.Section)
            .Validate(o => o.Store is null || !Directory.Exists(o.Store), "AnalyticalData:Store names a directory, not a store file")
            .Validate(o => o.RetentionSweepInterval > TimeSpan.Zero, "AnalyticalData:RetentionSweepInterval must be positive")
            .ValidateOnStart();
        builder.Services.AddSingleton<ProjectViewFiles>();
        builder.Services.AddScoped<ProjectData>();
        builder.Services.AddScoped<WorkAreaRetention>();
        builder.Services.AddHostedService<RetentionSweeper>();
        builder.Services.AddHealthChecks().AddCheck<AnalyticalStoreHealthCheck>("analytical-store");
        return builder;
    }
}
