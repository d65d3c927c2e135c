using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Workbench.Testing;

/// <summary>
/// Free loopback ports for a process a test starts (a kernel, <c>workbench up</c>), taken from below the system's
/// ephemeral range: a port from that range (what binding to port 0 gives) can be taken, before the process binds it,
/// by any test's client socket or by a test server that binds port 0 — which made a kernel fail with "Address already
/// in use" and let another server answer up's <c>/health</c> in full runs. Compiled into each test project that needs it.
/// </summary>
internal static class LoopbackPorts
{
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";
    private static readonly HashSet<int> HandedOut = [];

    public static int Free()
    {
        var range = File.Exists(EphemeralRange) ? File.ReadAllText(EphemeralRange).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        var below = range.Length > 0 && int.TryParse(range[0], CultureInfo.InvariantCulture, out var low) ? low : 32768;
        lock (HandedOut)
        {
            while (true)
            {
                var port = RandomNumberGenerator.GetInt32(10_000, below);
                if (HandedOut.Contains(port)) continue;
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                }
                catch (SocketException)
                {
                    continue; // taken: try another
                }
                HandedOut.Add(port);
                return port;
            }
        }
    }
}
