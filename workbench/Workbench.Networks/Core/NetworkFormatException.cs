namespace Workbench.Networks.Core;

/// <summary>A network cache file or link stream that cannot be used, with the file and the reason.</summary>
public sealed class NetworkFormatException : Exception
{
    public NetworkFormatException() { }

    public NetworkFormatException(string message) : base(message) { }

    public NetworkFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public NetworkFormatException(string path, string reason) : base($"network file '{path}': {reason}") => Path = path;

    /// <summary>The file concerned, when there is one.</summary>
    public string? Path { get; }
}
