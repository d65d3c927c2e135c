namespace Workbench.Server.Projects;

public static class ProjectsSetup
{
    public static WebApplicationBuilder AddProjects(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProjectChanges>();
        return builder;
    }
}
