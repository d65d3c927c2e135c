using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Server.Identity;
using Workbench.Server.Notebooks;
using Workbench.Server.OpenId;

namespace Workbench.Server.Tests.Infrastructure;

internal sealed partial class WorkbenchApp
{
    /// <summary>
    /// A kernel credential for <paramref name="user"/> in <paramref name="projectId"/>, made the way the workbench makes
    /// one for a notebook server it starts (the one caller the project's view is delivered to, over loopback).
    /// </summary>
    public async Task<string> IssueKernelCredentialAsync(TestUser user, string projectId)
    {
        await using var scope = Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>().FindByIdAsync(user.Id)
            ?? throw new InvalidOperationException($"no user {user.Id}");
        var principal = await scope.ServiceProvider.GetRequiredService<TokenPrincipals>().CreateKernelAsync(account, projectId, CancellationToken.None);
        return Services.GetRequiredService<KernelCredentials>().Issue(principal);
    }

    /// <summary>A client on the loopback server (<see cref="StartOnLoopbackAsync"/>) that presents a kernel credential.</summary>
    public HttpClient CreateKernelClient(string credential)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential);
        return client;
    }
}
