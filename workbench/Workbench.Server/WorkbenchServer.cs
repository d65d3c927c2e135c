using Workbench.Server.Api;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.OpenId;
using Workbench.Server.Organisations;
using Workbench.Server.Outputs;
using Workbench.Server.Data;
using Workbench.Server.Projects;
using Workbench.Server.Questions;
using Workbench.Server.Web;

namespace Workbench.Server;

/// <summary>
/// The server's table of contents. Its own <c>Program</c> and <c>workbench up</c> (which hosts it in the CLI process)
/// build the same application through here.
/// </summary>
public static class WorkbenchServer
{
    public static WebApplication Build(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateBuilder(options);

        builder.AddProblemResponses();
        builder.AddWorkbenchDatabase();
        builder.AddAudit();
        builder.AddWorkbenchIdentity();
        builder.AddOpenId();
        builder.AddProjects();
        builder.AddQuestions();
        builder.AddAnalyticalData();
        builder.AddOutputs();
        builder.AddNotebooks();
        builder.AddNotebookOrigin();
        builder.AddWebSurface();
        builder.AddStrictJson();

        var app = builder.Build();

        app.UseProblemResponses();
        app.UseSecurityHeaders();
        app.UseNotebookOrigin();
        app.UseEmbeddedStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapWebSurface();
        app.MapConnectEndpoints();
        app.MapMeApi();
        app.MapProjectsApi();
        app.MapQuestionsApi();
        app.MapAuditApi();
        app.MapUsersApi();
        app.MapOrganisationsApi();
        app.MapOutputsApi();
        app.MapNotebooks();
        return app;
    }

    /// <summary>Applies the migrations, registers the configured OpenID clients, protects the identity secrets (refusing demo accounts outside Development) and, in Development only, seeds the demo users, questions and projects.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.MigrateDatabaseAsync();
        await app.SeedOpenIdClientsAsync();
        await app.PrepareIdentityAsync();
        await app.SeedDemoQuestionsAsync();
        await app.SeedDemoProjectsAsync();
    }

    /// <summary>
    /// Options for hosting the server from another program (the CLI): the pages, the configuration files and the
    /// application parts are the server assembly's, wherever the host's own working directory is.
    /// </summary>
    public static WebApplicationOptions HostedOptions(string environmentName, string[] args) => new()
    {
        ApplicationName = typeof(WorkbenchServer).Assembly.GetName().Name,
        ContentRootPath = AppContext.BaseDirectory,
        EnvironmentName = environmentName,
        Args = args,
    };
}
