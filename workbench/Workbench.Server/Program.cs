using Workbench.Server.Api;
using Workbench.Server.Audit;
using Workbench.Server.Database;
using Workbench.Server.Errors;
using Workbench.Server.Identity;
using Workbench.Server.Projects;

var builder = WebApplication.CreateBuilder(args);

builder.AddProblemResponses();
builder.AddWorkbenchDatabase();
builder.AddAudit();
builder.AddWorkbenchIdentity();
builder.AddProjects();
builder.AddWebSurface();

var app = builder.Build();

app.UseProblemResponses();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapWebSurface();
app.MapMeApi();
app.MapProjectsApi();
app.MapAuditApi();

await app.MigrateDatabaseAsync();
await app.SeedDemoUsersAsync();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
