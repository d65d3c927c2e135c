using Workbench.Api;

namespace Workbench.Kernel.Api.Tests.Data;

[Collection(ProjectViewGroup.Name)]
public sealed class ProjectDataTests(ProjectViewFixture fixture) : IDisposable
{
    private readonly ProjectData _data = ProjectData.Open(fixture.ViewPath);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Open_View_CatalogueHoldsOnlyAllowlistedColumnsWithMeanings()
    {
        Assert.Equal(ProjectViewFixture.ProjectId, _data.ProjectId);
        var columns = _data.Catalogue.Datasets.SelectMany(d => d.Columns.Select(c => $"{d.Name}.{c.Name}")).Order(StringComparer.Ordinal);
        var allowed = ProjectViewFixture.Allowlist.SelectMany(d => d.Value.Select(c => $"{d.Key}.{c}")).Order(StringComparer.Ordinal);
        Assert.Equal(allowed, columns);
        var persons = _data.Catalogue.Dataset("persons");
        Assert.Equal("persons", persons.Unit);
        Assert.True(persons.Rows > 0);
        Assert.Equal("Person pseudonym", persons.Column("person_id").Meaning);
        Assert.True(persons.Column("person_id").IsKey);
        Assert.False(persons.Column("sex").IsKey);
    }

    [Fact]
    public void Open_View_ViewPathIsTheOpenedFile()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fixture.ViewPath);
        using var data = ProjectData.Open(relative);

        Assert.Equal(Path.GetFullPath(fixture.ViewPath), data.ViewPath);
        Assert.True(Path.IsPathFullyQualified(data.ViewPath));
    }

    [Fact]
    public void Open_NotAView_RefusedWithReason()
    {
        var e = Assert.Throws<InvalidDataException>(() => ProjectData.Open(fixture.StorePath));
        Assert.Contains("not a project view", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Columns_ReturnsThoseColumnsInProjectPseudonyms()
    {
        var frame = _data.Load("persons", "person_id", "sex");

        Assert.Equal(["person_id", "sex"], frame.Columns.Select(c => c.Name));
        Assert.Equal(_data.Catalogue.Dataset("persons").Rows, frame.Rows.Count);
        var keys = Enumerable.Range(0, (int)frame.Rows.Count).Select(i => (long)frame.Columns[0][i]).ToHashSet();
        Assert.Empty(keys.Intersect(fixture.MasterPersonKeys()));
    }

    [Fact]
    public void Load_NoColumns_ReturnsEveryAllowlistedColumn()
    {
        var frame = _data.Load("incomes");

        Assert.Equal(["person_id", "year", "personal_income_eur"], frame.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("companies", "person_id", "dataset 'companies' is not in this project (allowed: persons, incomes)")]
    [InlineData("persons", "household_id", "dataset 'persons' has no column 'household_id' in this project (allowed: person_id, birth_year, sex, buurt_code)")]
    public void Load_OutsideAllowlist_RefusedNamingWhatIsAllowed(string dataset, string column, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => _data.Load(dataset, column));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_Aggregation_AgreesWithLoadedRecords()
    {
        var bySex = _data.Sql("SELECT sex, count(DISTINCT person_id) AS persons FROM persons GROUP BY sex ORDER BY sex");
        var loaded = _data.Load("persons", "sex");

        var expected = Enumerable.Range(0, (int)loaded.Rows.Count).Select(i => (string)loaded.Columns[0][i])
            .GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (long)g.Count());
        Assert.Equal(expected, Enumerable.Range(0, (int)bySex.Rows.Count).Select(i => (long)bySex.Columns[1][i]));
    }

    [Fact]
    public void Sql_Parameters_AreBound()
    {
        var frame = _data.Sql("SELECT count(*) AS n FROM persons WHERE sex = $sex", new Dictionary<string, object?> { ["sex"] = "no such sex" });

        Assert.Equal(0L, (long)frame.Columns[0][0]);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "Cannot access file \"/etc/passwd\" - file system operations are disabled by configuration")]
    [InlineData("SELECT * FROM read_text('/etc/passwd')", "Cannot access file \"/etc/passwd\" - file system operations are disabled by configuration")]
    [InlineData("SELECT * FROM '/etc/passwd'", "Table with name /etc/passwd does not exist")]
    [InlineData("INSTALL httpfs", "file system operations are disabled by configuration")]
    [InlineData("LOAD httpfs", "Loading external extensions is disabled through configuration")]
    [InlineData("SET enable_external_access = true", "Cannot change configuration option \"enable_external_access\" - the configuration has been locked")]
    [InlineData("SET lock_configuration = false", "Cannot change configuration option \"lock_configuration\" - the configuration has been locked")]
    [InlineData("SELECT * FROM companies", "Table with name companies does not exist")]
    [InlineData("CREATE TABLE stolen AS SELECT * FROM persons", "attached in read-only mode")]
    [InlineData("DROP TABLE persons", "attached in read-only mode")]
    public void Sql_ReachBeyondTheView_RefusedWithDuckDbsReason(string sql, string reason)
    {
        var e = Assert.Throws<ProjectSqlException>(() => _data.Sql(sql));
        Assert.StartsWith("the project's SQL was refused: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Equal(_data.Catalogue.Dataset("persons").Rows, _data.Load("persons", "person_id").Rows.Count);
    }

    [Fact]
    public void Sql_AttachTheStore_RefusedAndStoreUnreadable()
    {
        var e = Assert.Throws<ProjectSqlException>(() => _data.Sql($"ATTACH '{fixture.StorePath}' AS master (READ_ONLY)"));
        Assert.Contains("file system operations are disabled by configuration", e.Message, StringComparison.Ordinal);
        Assert.Throws<ProjectSqlException>(() => _data.Sql("SELECT * FROM master.persons"));
    }

    [Fact]
    public void Sql_CopyTo_RefusedAndNoFileWritten()
    {
        var target = Path.Combine(fixture.Root, "exfiltrated.csv");

        var e = Assert.Throws<ProjectSqlException>(() => _data.Sql($"COPY persons TO '{target}' (FORMAT csv)"));

        Assert.False(File.Exists(target), e.Message);
    }

    [Fact]
    public void Sql_ReadCsvOfPasswd_SaysExternalAccessIsDisabled()
    {
        var e = Assert.Throws<ProjectSqlException>(() => _data.Sql("SELECT * FROM read_csv('/etc/passwd')"));

        Assert.Contains("disabled", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
