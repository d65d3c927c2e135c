// The kernel runs on Linux: bubblewrap, seccomp, control groups and Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
