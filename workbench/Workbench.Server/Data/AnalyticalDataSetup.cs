namespace Workbench.Server.Data;

public static class AnalyticalDataSetup
{
    /// <summary>Where the analytical store and its key are (configuration <c>AnalyticalData</c>), with a health check.</summary>
    public static WebApplicationBuilder AddAnalyticalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticalDataOptions>().BindConfiguration(AnalyticalDataOptions.Section)
            .Validate(o => o.Store is null || !Directory.Exists(o.Store), "AnalyticalData:Store names a directory, not a store file")
            .ValidateOnStart();
        builder.Services.AddSingleton<ProjectViewFiles>();
        builder.Services.AddScoped<ProjectData>();
        builder.Services.AddHealthChecks().AddCheck<AnalyticalStoreHealthCheck>("analytical-store");
        return builder;
    }
}
