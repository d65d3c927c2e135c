namespace Workbench.Kernel.Front.Sandbox;

/// <summary>The sandbox cannot be created here; the message says what is missing. The kernel then runs no code.</summary>
internal sealed class SandboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
