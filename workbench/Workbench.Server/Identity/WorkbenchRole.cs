namespace Workbench.Server.Identity;

/// <summary>What a person may do. Stored by name; the names are frozen.</summary>
public enum WorkbenchRole
{
    DataScientist,
    OutputChecker,
    SteeringMember,
    Requester,
    Admin,

    /// <summary>Reads, exports and verifies the audit log; changes nothing.</summary>
    Auditor,

    /// <summary>
    /// Chairs the steering group: closes an assessment round and records the decision on a research question. A
    /// chair who also scores holds <see cref="SteeringMember"/> as well; only members' scores count towards a round.
    /// </summary>
    SteeringChair,
}
