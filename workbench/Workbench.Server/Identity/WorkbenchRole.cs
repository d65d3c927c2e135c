namespace Workbench.Server.Identity;

/// <summary>What a person may do. Stored by name; the names are frozen.</summary>
public enum WorkbenchRole
{
    DataScientist,
    OutputChecker,
    SteeringMember,
    Requester,
    Admin,
}
