// The product runs on Linux; every attack runs against one running workbench, one after the other (shared state).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
