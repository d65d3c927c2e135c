using Workbench.Cli.Infrastructure;

return await WorkbenchApp.Create().RunAsync(args);
