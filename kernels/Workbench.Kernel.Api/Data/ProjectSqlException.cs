namespace Workbench.Api;

/// <summary>SQL that DuckDB refused inside the project's view: a syntax error, an unknown table, or an attempt to
/// reach beyond the view (other files, ATTACH, COPY TO, extensions, settings). The message says why.</summary>
public sealed class ProjectSqlException : Exception
{
    public ProjectSqlException(string message, Exception innerException)
        : base($"the project's SQL was refused: {message}", innerException)
    {
    }

    public ProjectSqlException()
    {
    }

    public ProjectSqlException(string message)
        : base(message)
    {
    }
}
