// The worker runs on Linux only (seccomp, Unix sockets).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
