namespace Workbench.Server.Api;

public static class ApiSetup
{
    /// <summary>The OpenAPI document, Razor Pages and health checks.</summary>
    public static WebApplicationBuilder AddWebSurface(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddRazorPages();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// The files under wwwroot, embedded in the assembly, so that the pages look the same when the CLI hosts the
    /// server from its own folder.
    /// </summary>
    public static WebApplication UseEmbeddedStaticFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(ApiSetup).Assembly, "Workbench.Server.wwwroot"),
        });
        return app;
    }

    /// <summary>Anonymous: only health and the sign-in pages (which say so themselves). Everything else falls to the policy.</summary>
    public static WebApplication MapWebSurface(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
