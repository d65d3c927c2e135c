using Workbench.Kernel.Worker.Execution;

namespace Workbench.Kernel.Front.Project;

/// <summary>Where the kernel's short-lived project token comes from.</summary>
internal interface IKernelTokens : IDisposable
{
    /// <summary>A kernel token for the project that is valid now.</summary>
    /// <exception cref="ProjectAccessRefusedException">When none can be had, with the reason.</exception>
    Task<string> TokenAsync(IExecutionSink prompt, CancellationToken cancellationToken);

    /// <summary>The server refused <paramref name="token"/> (revoked, retention over): do not hand it out again.</summary>
    void Refused(string token);
}

/// <summary>
/// The token the workbench keeps fresh in a file when it started this kernel's notebook server for the user (the user
/// signed in to the workbench; the kernel never asks). The file must be readable by its owner only.
/// </summary>
internal sealed class TokenFile(string path) : IKernelTokens
{
    public async Task<string> TokenAsync(IExecutionSink prompt, CancellationToken cancellationToken)
    {
        try
        {
            if ((File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                throw new ProjectAccessRefusedException($"the token file {path} is readable by others: the workbench must write it owner-only (0600)");
            var token = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
            return token.Length > 0 ? token : throw new ProjectAccessRefusedException($"the token file {path} is empty: the workbench has not signed this kernel in");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ProjectAccessRefusedException($"the workbench has not given this kernel a token ({path} is missing): restart the notebook server from the workbench");
        }
    }

    public void Refused(string token)
    {
        // The workbench replaces the file; a refused token stays refused.
    }

    public void Dispose()
    {
    }
}
