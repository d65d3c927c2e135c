namespace Workbench.Microdata.Pseudonymisation;

/// <summary>A pseudonymisation key was missing or unfit for use. Never carries key material.</summary>
public sealed class PseudonymKeyException : Exception
{
    /// <summary>Creates the exception with its reason and a message naming the key's source.</summary>
    public PseudonymKeyException(KeyProblem problem, string source, string message)
        : base($"pseudonym key from {source}: {message}")
    {
        Problem = problem;
        Source = source;
    }

    /// <summary>Why the key was refused.</summary>
    public KeyProblem Problem { get; }

    /// <summary>Where the key came from (a file path or the environment variable's name).</summary>
    public new string Source { get; }
}
