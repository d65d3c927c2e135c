using Workbench.Kernel.Front.Hosting;

namespace Workbench.Kernel.Front.Project;

internal static class ProjectAccess
{
    /// <summary>The project this kernel works for, as its options, environment or <c>workbench.json</c> name it.</summary>
    public static IProjectAccess Create(FrontOptions options, KernelLog log)
    {
        var (binding, reason) = ProjectBinding.Resolve(
            options.Server, options.ProjectId, options.TokenFile, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
        if (binding is null)
        {
            log.Info($"no project: {reason}");
            return new UnboundProject(reason);
        }
        var http = new HttpClient { BaseAddress = binding.Server, Timeout = TimeSpan.FromMinutes(10) };
        IKernelTokens tokens = binding.TokenFile is { } file ? new TokenFile(file) : new DeviceSignIn(http, binding, TimeProvider.System);
        log.Info($"project {binding.ProjectId} on {binding.Server} ({(binding.TokenFile is null ? "device sign-in" : $"token from {binding.TokenFile}")})");
        return new ServerProject(http, binding, tokens);
    }
}
