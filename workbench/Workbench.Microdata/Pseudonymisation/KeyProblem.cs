namespace Workbench.Microdata.Pseudonymisation;

/// <summary>Why a pseudonymisation key was refused. The CLI maps each to its own exit code; values are frozen.</summary>
public enum KeyProblem
{
    /// <summary>No key file was given and <c>WORKBENCH_PSEUDONYM_KEY</c> is not set.</summary>
    Missing = 1,

    /// <summary>The key is not valid base64.</summary>
    Malformed = 2,

    /// <summary>The key has fewer than <see cref="PseudonymKey.MinimumLength"/> bytes.</summary>
    TooShort = 3,

    /// <summary>The key is obviously not random (all bytes equal, very few distinct bytes, a simple sequence).</summary>
    Weak = 4,

    /// <summary>The key file can be read or written by group or others.</summary>
    InsecureFile = 5,

    /// <summary><see cref="PseudonymKey.CreateFile"/> refused to overwrite an existing file.</summary>
    AlreadyExists = 6,
}
