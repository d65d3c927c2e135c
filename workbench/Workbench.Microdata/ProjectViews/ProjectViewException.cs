namespace Workbench.Microdata.ProjectViews;

/// <summary>A project view was refused; no view file is written.</summary>
public sealed class ProjectViewException : Exception
{
    /// <summary>Creates the exception with its reason and the dataset and column concerned.</summary>
    public ProjectViewException(ProjectViewProblem problem, string projectId, string? dataset, string? column, string message)
        : base($"project '{projectId}': {message}")
    {
        Problem = problem;
        ProjectId = projectId;
        Dataset = dataset;
        Column = column;
    }

    /// <summary>Why the view was refused.</summary>
    public ProjectViewProblem Problem { get; }

    /// <summary>The project.</summary>
    public string ProjectId { get; }

    /// <summary>The dataset concerned, if any.</summary>
    public string? Dataset { get; }

    /// <summary>The column concerned, if any.</summary>
    public string? Column { get; }
}
