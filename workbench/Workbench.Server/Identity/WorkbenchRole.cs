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
}
