namespace OutputControl.Requests;

/// <summary>
/// A request asked for a disclosure policy weaker than the one the gateway enforces; <see cref="Weakenings"/> names
/// every weaker field. Nothing is checked under such a request.
/// </summary>
public sealed class PolicyRefusedException : Exception
{
    /// <summary>Creates the exception for the weaker fields (at least one).</summary>
    public PolicyRefusedException(IReadOnlyList<PolicyWeakening> weakenings)
        : base(string.Join("; ", (weakenings ?? throw new ArgumentNullException(nameof(weakenings))).Select(w => $"{w.Field}: {w.Problem}")))
    {
        Weakenings = weakenings;
    }

    /// <summary>Creates the exception with a message only (for serializers and tooling).</summary>
    public PolicyRefusedException()
        : this([new PolicyWeakening("policy", "is weaker than the enforced policy")])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PolicyRefusedException(string message)
        : this([new PolicyWeakening("policy", message)])
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public PolicyRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Weakenings = [new PolicyWeakening("policy", message)];
    }

    /// <summary>Every field of the asked policy that is weaker than the enforced one.</summary>
    public IReadOnlyList<PolicyWeakening> Weakenings { get; }
}
