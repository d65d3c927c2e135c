using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workbench.Server.Database;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

namespace Workbench.Server.Notebooks;

/// <summary>
/// The demo's projects (Development only, like the demo users): one per example notebook, with the allowlist of
/// <c>notebooks/projects.json</c>, the demo data scientist as member and the two demo output checkers, created as the
/// demo admin through <see cref="ProjectChanges"/> (audited like any other). So a new user of the demo signs in,
/// opens Notebooks and runs an example on data the project may see.
/// </summary>
public static class DemoProjects
{
    public static async Task SeedDemoProjectsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment()) return;
        await using var scope = app.Services.CreateAsyncScope();
        var examples = NotebookServers.ExamplesDirectory(scope.ServiceProvider.GetRequiredService<IOptions<NotebookOptions>>().Value);
        if (examples is null || !File.Exists(Path.Combine(examples, "projects.json"))) return;
        await SeedAsync(scope.ServiceProvider, Path.Combine(examples, "projects.json"), CancellationToken.None);
    }

    /// <summary>Seeds once: nothing happens when any project exists or a demo user (admin, scientist, checker, checker2) is missing.</summary>
    public static async Task SeedAsync(IServiceProvider services, string projectsFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<WorkbenchDbContext>();
        if (await db.Projects.AnyAsync(ct)) return;
        var users = services.GetRequiredService<UserManager<WorkbenchUser>>();
        var named = new Dictionary<string, WorkbenchUser>(StringComparer.Ordinal);
        foreach (var name in new[] { "admin", "scientist", "checker", "checker2" })
        {
            if (await users.FindByNameAsync(name) is not { } user) return;
            named[name] = user;
        }
        var admin = await services.GetRequiredService<IUserClaimsPrincipalFactory<WorkbenchUser>>().CreateAsync(named["admin"]);
        var changes = services.GetRequiredService<ProjectChanges>();
        var retention = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddYears(1);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(projectsFile, ct));
        foreach (var project in json.RootElement.GetProperty("projects").EnumerateArray())
        {
            var datasets = project.GetProperty("datasets").EnumerateObject()
                .Select(d => new DatasetGrant(d.Name, [.. d.Value.EnumerateArray().Select(c => c.GetString()!)])).ToList();
            await changes.CreateAsync(new ProjectDefinition(
                project.GetProperty("title").GetString()!, project.GetProperty("purpose").GetString()!, LegalBasis.PublicTask,
                "CBS Act art. 3: statistics in the public interest; the dashboard Zicht op Ondermijning is part of CBS's statutory task.",
                datasets,
                [new ProjectMember(named["scientist"].Id, WorkbenchRole.DataScientist), new ProjectMember(named["checker"].Id, WorkbenchRole.OutputChecker),
                    new ProjectMember(named["checker2"].Id, WorkbenchRole.OutputChecker)],
                retention,
                new Weighing("Published aggregates cannot be linked at the level the question needs.",
                    "Only the columns the analysis uses, all pseudonymised; only aggregates leave, after output control.",
                    "The linked microdata answer the question directly.")), admin, ct);
        }
    }
}
