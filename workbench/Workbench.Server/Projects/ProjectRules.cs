using Workbench.Microdata.Schema;
using Workbench.Server.Errors;
using Workbench.Server.Identity;

namespace Workbench.Server.Projects;

/// <summary>
/// What a project definition must satisfy, and who may use a project's data when. Pure: no database, no web.
/// <see cref="CheckDefinition"/> throws with every broken rule; <see cref="Warnings"/> lists what is allowed but
/// doubtful.
/// </summary>
public static class ProjectRules
{
    /// <summary>Said whenever a project rests on consent.</summary>
    public const string ConsentWarning =
        "Consent (Art. 6(1)(a)) is rarely a valid basis for crime prevention: people cannot refuse freely and may withdraw it at any time.";

    public static IReadOnlyList<string> Warnings(ProjectDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.LegalBasis == LegalBasis.Consent ? [ConsentWarning] : [];
    }

    /// <summary>Throws <see cref="ValidationFailedException"/> listing every rule the definition breaks on <paramref name="today"/>.</summary>
    public static void CheckDefinition(ProjectDefinition definition, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string error) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(error);

        if (string.IsNullOrWhiteSpace(definition.Title)) { Fail("title", "a project needs a title"); }
        if (string.IsNullOrWhiteSpace(definition.Purpose) || definition.Purpose.Trim().Length < 20)
        {
            Fail("purpose", "state the purpose (doelbinding) in at least 20 characters");
        }
        if (!Enum.IsDefined(definition.LegalBasis)) { Fail("legalBasis", "choose one of the six GDPR Art. 6 grounds"); }
        if (string.IsNullOrWhiteSpace(definition.LegalBasisJustification) || definition.LegalBasisJustification.Trim().Length < 20)
        {
            Fail("legalBasisJustification", "justify the legal basis in at least 20 characters");
        }
        CheckDatasets(definition.Datasets, Fail);
        CheckMembers(definition.Members, Fail);
        if (definition.RetentionEnd <= today)
        {
            Fail("retentionEnd", $"the retention end must lie after today ({today:yyyy-MM-dd})");
        }
        var weighing = definition.Weighing;
        if (weighing is null || string.IsNullOrWhiteSpace(weighing.Subsidiarity)) { Fail("weighing.subsidiarity", "record why no milder means suffices"); }
        if (weighing is null || string.IsNullOrWhiteSpace(weighing.Proportionality)) { Fail("weighing.proportionality", "record why the intrusion is in proportion to the purpose"); }
        if (weighing is null || string.IsNullOrWhiteSpace(weighing.Effectiveness)) { Fail("weighing.effectiveness", "record why the processing can achieve the purpose"); }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    /// <summary>Known datasets, named columns, no duplicates; shared with research questions, which name the data they need the same way.</summary>
    internal static void CheckDatasets(IReadOnlyList<DatasetGrant>? grants, Action<string, string> fail)
    {
        if (grants is null || grants.Count == 0)
        {
            fail("datasets", "allow at least one dataset");
            return;
        }
        foreach (var duplicate in grants.GroupBy(g => g.Dataset).Where(g => g.Count() > 1))
        {
            fail("datasets", $"dataset '{duplicate.Key}' is listed twice");
        }
        foreach (var grant in grants)
        {
            var definition = Datasets.All.FirstOrDefault(d => d.Name == grant.Dataset);
            if (definition is null)
            {
                fail("datasets", $"unknown dataset '{grant.Dataset}'");
                continue;
            }
            if (grant.Columns is null || grant.Columns.Count == 0)
            {
                fail($"datasets.{grant.Dataset}", "name the columns the project needs; there is no 'all columns'");
                continue;
            }
            var stored = definition.StoredColumns.Select(c => c.StoredAs).ToHashSet(StringComparer.Ordinal);
            foreach (var column in grant.Columns.Where(c => !stored.Contains(c)))
            {
                fail($"datasets.{grant.Dataset}", $"dataset '{grant.Dataset}' has no column '{column}'");
            }
            foreach (var column in grant.Columns.GroupBy(c => c).Where(g => g.Count() > 1))
            {
                fail($"datasets.{grant.Dataset}", $"column '{column.Key}' is listed twice");
            }
        }
    }

    private static void CheckMembers(IReadOnlyList<ProjectMember>? members, Action<string, string> fail)
    {
        foreach (var member in members ?? [])
        {
            if (string.IsNullOrWhiteSpace(member.UserId)) { fail("members", "a member needs a user"); }
            if (member.Role is WorkbenchRole.Admin or WorkbenchRole.Auditor or WorkbenchRole.SteeringChair) { fail("members", $"{member.Role} is an organisation role, not a project role"); }
            if (!Enum.IsDefined(member.Role)) { fail("members", $"unknown role '{member.Role}'"); }
        }
        foreach (var duplicate in (members ?? []).GroupBy(m => m).Where(g => g.Count() > 1))
        {
            fail("members", $"user '{duplicate.Key.UserId}' holds role {duplicate.Key.Role} twice");
        }
        // The two-person rule needs checkers independent of the work: nobody checks a project they analyse.
        foreach (var both in (members ?? []).GroupBy(m => m.UserId)
            .Where(g => g.Any(m => m.Role == WorkbenchRole.DataScientist) && g.Any(m => m.Role == WorkbenchRole.OutputChecker)))
        {
            fail("members", $"user '{both.Key}' cannot be both a data scientist and an output checker of the same project");
        }
    }

    /// <summary>Whether <paramref name="userId"/> may read the project's data on <paramref name="today"/>.</summary>
    public static bool CanAccessData(ProjectDefinition definition, string userId, DateOnly today) =>
        DataAccessRefusal(definition, userId, today) is null;

    /// <summary>Throws <see cref="AccessDeniedException"/> with the reason when <see cref="CanAccessData"/> is false.</summary>
    public static void CheckCanAccessData(ProjectDefinition definition, string userId, DateOnly today)
    {
        if (DataAccessRefusal(definition, userId, today) is { } reason)
        {
            throw new AccessDeniedException(reason);
        }
    }

    /// <summary>Why the user may not read the project's data, or null when they may.</summary>
    public static string? DataAccessRefusal(ProjectDefinition definition, string userId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (today > definition.RetentionEnd)
        {
            return $"the project's retention period ended on {definition.RetentionEnd:yyyy-MM-dd}: its data may no longer be used";
        }
        if (!definition.Members.Any(m => m.UserId == userId && m.Role == WorkbenchRole.DataScientist))
        {
            return "only the project's data scientists may use its data";
        }
        return null;
    }
}
