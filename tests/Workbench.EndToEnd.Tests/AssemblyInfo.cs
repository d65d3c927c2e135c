// The kernel runs on Linux; the server and kernel tests of this assembly each start real processes: one at a time.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
