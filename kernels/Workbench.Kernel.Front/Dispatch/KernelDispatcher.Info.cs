using System.Reflection;
using Workbench.Kernel.Front.Messages;
using Workbench.Kernel.Front.Wire;

namespace Workbench.Kernel.Front.Dispatch;

internal sealed partial class KernelDispatcher
{
    public const string ImplementationName = "workbench-csharp";

    private static readonly string Version =
        typeof(KernelDispatcher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public async Task<string> BannerAsync() =>
        $"Workbench C# kernel {Version} on .NET {Environment.Version} (C# via .NET Interactive)\n{await backend.DescribeIsolationAsync()}\n"
        + "Results leave the workbench only through output control.";

    private async Task HandleKernelInfoAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var banner = await BannerAsync();
        Reply(channel, request, new KernelInfoReply(
            "ok",
            MessageTypes.ProtocolVersion,
            ImplementationName,
            Version,
            new LanguageInfo("C#", "14.0", "text/x-csharp", ".cs", "csharp", "text/x-csharp"),
            banner,
            Debugger: false,
            [new HelpLink("C# language reference", "https://learn.microsoft.com/dotnet/csharp/language-reference/")]));
    }

    private Task HandleCommInfoAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        Read<CommInfoRequest>(request);
        Reply(channel, request, new CommInfoReply("ok", new Dictionary<string, object>()));
        return Task.CompletedTask;
    }

    private async Task HandleInterruptAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        await backend.InterruptAsync();
        input.Cancel();
        Reply(channel, request, new InterruptReply("ok"));
    }

    private Task HandleShutdownAsync(Channel channel, JupyterMessage request, CancellationToken cancellationToken)
    {
        var content = Read<ShutdownRequest>(request);
        var reply = new ShutdownReply("ok", content.Restart);
        Reply(channel, request, reply);
        // Since protocol 5.4 clients may also watch iopub for it; older clients ignore it.
        outbox.Send(messages.Publish(request, MessageTypes.ShutdownReply, reply));
        shutdown.TrySetResult(content.Restart);
        return Task.CompletedTask;
    }
}
