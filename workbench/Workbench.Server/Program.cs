using Workbench.Server;

// The table of contents is WorkbenchServer.Build: `workbench up` hosts the same application.
var app = WorkbenchServer.Build(new WebApplicationOptions { Args = args });
await app.PrepareAsync();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
