// The kernel runs on Linux: the wire and conformance tests start it as a process and talk ZeroMQ on loopback.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
