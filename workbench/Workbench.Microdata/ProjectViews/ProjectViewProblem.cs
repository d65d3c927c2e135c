namespace Workbench.Microdata.ProjectViews;

/// <summary>Why a project view could not be built. Values are frozen.</summary>
public enum ProjectViewProblem
{
    /// <summary>The allowlist names a dataset the schema does not know.</summary>
    UnknownDataset = 1,

    /// <summary>The allowlist names a column the dataset does not store.</summary>
    UnknownColumn = 2,

    /// <summary>The allowlist names a dataset the store does not hold.</summary>
    NotIngested = 3,

    /// <summary>The allowlist, or a dataset's column list, is empty.</summary>
    EmptyAllowlist = 4,
}
