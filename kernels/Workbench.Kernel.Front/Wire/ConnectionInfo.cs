using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Kernel.Front.Wire;

/// <summary>
/// The connection file Jupyter writes for a kernel. Only TCP on a loopback address and HMAC-SHA256 with a non-empty
/// key are accepted: the kernel never listens beyond this machine and never accepts unsigned messages.
/// </summary>
internal sealed record ConnectionInfo(
    [property: JsonPropertyName("transport")] string Transport,
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("shell_port")] int ShellPort,
    [property: JsonPropertyName("iopub_port")] int IoPubPort,
    [property: JsonPropertyName("stdin_port")] int StdinPort,
    [property: JsonPropertyName("control_port")] int ControlPort,
    [property: JsonPropertyName("hb_port")] int HeartbeatPort,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("signature_scheme")] string SignatureScheme)
{
    public byte[] KeyBytes => Encoding.UTF8.GetBytes(Key);

    public string Address(int port) => $"tcp://{Ip}:{port}";

    public static ConnectionInfo Read(string path)
    {
        var info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is not a Jupyter connection file");
        info.Validate();
        return info;
    }

    public void Validate()
    {
        if (Transport != "tcp")
            throw new InvalidDataException($"transport '{Transport}' is not supported: only tcp on a loopback address");
        if (!IPAddress.TryParse(Ip, out var address) || !IPAddress.IsLoopback(address))
            throw new InvalidDataException($"ip '{Ip}' is not a literal loopback address (127.0.0.0/8 or ::1): the kernel listens on this machine only");
        if (SignatureScheme != "hmac-sha256")
            throw new InvalidDataException($"signature_scheme '{SignatureScheme}' is not supported: only hmac-sha256");
        if (string.IsNullOrEmpty(Key))
            throw new InvalidDataException("the connection file has an empty key: the kernel accepts signed messages only");
        foreach (var port in new[] { ShellPort, IoPubPort, StdinPort, ControlPort, HeartbeatPort })
            if (port is <= 0 or > 65535) throw new InvalidDataException($"port {port} is not a TCP port");
    }
}
