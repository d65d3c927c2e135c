// Workbench runs on Linux: the kernel sandbox, key-file permissions and these tests rely on Unix file modes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
