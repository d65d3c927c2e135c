using System.Net;
using System.Text.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Authorization;

/// <summary>
/// Walks every operation of the OpenAPI document as each role and anonymously. Anonymous callers get 401 everywhere;
/// each operation gives 403 to every role not in its row. The expected table is written out here, so an endpoint
/// added without a decision about who may call it fails this test.
/// </summary>
public class AuthorizationMatrixTests
{
    private static readonly WorkbenchRole[] AnyRole = Enum.GetValues<WorkbenchRole>();
    private static readonly WorkbenchRole[] AdminOnly = [WorkbenchRole.Admin];
    private static readonly WorkbenchRole[] AuditReaders = [WorkbenchRole.Admin, WorkbenchRole.Auditor];
    private static readonly WorkbenchRole[] Requesters = [WorkbenchRole.Requester];
    private static readonly WorkbenchRole[] SteeringGroup = [WorkbenchRole.SteeringMember, WorkbenchRole.SteeringChair];
    private static readonly WorkbenchRole[] OutputCheckers = [WorkbenchRole.OutputChecker];

    /// <summary>Who may call each operation; everyone else gets 403 (and anonymous callers 401).</summary>
    private static readonly Dictionary<string, WorkbenchRole[]> Allowed = new()
    {
        ["GET /api/me"] = AnyRole,
        ["GET /api/projects"] = AnyRole,
        ["POST /api/projects"] = AdminOnly,
        ["GET /api/projects/{id}"] = AnyRole,
        ["PUT /api/projects/{id}"] = AdminOnly,
        ["GET /api/projects/{id}/versions"] = AnyRole,
        ["GET /api/projects/{id}/data"] = AnyRole,
        ["GET /api/projects/{id}/view"] = AnyRole,
        ["POST /api/projects/{id}/outputs"] = AnyRole,
        // Starting a notebook server is refused (403) to everyone but the project's data scientists, so on a project
        // nobody is a member of every role is denied; stopping your own (possibly absent) server is always allowed.
        ["POST /api/projects/{id}/notebook"] = [],
        ["DELETE /api/projects/{id}/notebook"] = AnyRole,
        ["GET /api/outputs"] = AnyRole,
        ["GET /api/outputs/{id}"] = AnyRole,
        ["PUT /api/outputs/{id}"] = AnyRole,
        ["POST /api/outputs/{id}/submit"] = AnyRole,
        ["POST /api/outputs/{id}/withdraw"] = AnyRole,
        ["POST /api/outputs/{id}/approve"] = OutputCheckers,
        ["POST /api/outputs/{id}/return"] = OutputCheckers,
        ["POST /api/outputs/{id}/reject"] = OutputCheckers,
        ["POST /api/outputs/{id}/retract"] = OutputCheckers,
        ["GET /api/outputs/{id}/receipt"] = AnyRole,
        ["GET /api/releases"] = AnyRole,
        ["GET /api/audit/entries"] = AuditReaders,
        ["GET /api/audit/export"] = AuditReaders,
        ["GET /api/audit/verify"] = AuditReaders,
        ["GET /api/users"] = AdminOnly,
        ["POST /api/users"] = AdminOnly,
        ["GET /api/users/{id}"] = AdminOnly,
        ["POST /api/users/{id}/lock"] = AdminOnly,
        ["POST /api/users/{id}/unlock"] = AdminOnly,
        ["PUT /api/users/{id}/roles/{role}"] = AdminOnly,
        ["DELETE /api/users/{id}/roles/{role}"] = AdminOnly,
        ["GET /api/questions"] = AnyRole,
        ["POST /api/questions"] = Requesters,
        ["GET /api/questions/backlog"] = SteeringGroup,
        ["GET /api/questions/{id}"] = AnyRole,
        ["PUT /api/questions/{id}"] = Requesters,
        ["POST /api/questions/{id}/submit"] = Requesters,
        ["POST /api/questions/{id}/revisions"] = Requesters,
        ["POST /api/questions/{id}/scores"] = [WorkbenchRole.SteeringMember],
        ["POST /api/questions/{id}/close-round"] = [WorkbenchRole.SteeringChair],
        ["POST /api/questions/{id}/decision"] = [WorkbenchRole.SteeringChair],
        ["GET /api/questions/{id}/project-draft"] = AdminOnly,
        ["POST /api/questions/{id}/project"] = AdminOnly,
        ["GET /api/areas"] = AnyRole,
        ["GET /api/organisations"] = AdminOnly,
        ["POST /api/organisations"] = AdminOnly,
    };

    [Fact]
    public async Task EveryOperation_EachRoleAndAnonymous_IsDeniedByDefault()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.CreateBrowserlessClient() };
        foreach (var role in Enum.GetValues<WorkbenchRole>())
        {
            clients[role.ToString()] = await app.SignInAsync(await app.CreateUserAsync(role.ToString().ToLowerInvariant(), "CBS", role));
        }

        var anonymousDocument = await clients["anonymous"].GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await clients[nameof(WorkbenchRole.Admin)].GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
            .ToList();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDocument.StatusCode);
        Assert.Equal(Allowed.Keys.Order(), operations.Order());
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1].Replace("{id}", "P-2000-999", StringComparison.Ordinal)
                .Replace("{dataset}", "persons", StringComparison.Ordinal).Replace("{role}", "Auditor", StringComparison.Ordinal));
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var status = (await client.SendAsync(request)).StatusCode;
                var expectDenied = who == "anonymous" ? HttpStatusCode.Unauthorized
                    : !Allowed[operation].Contains(Enum.Parse<WorkbenchRole>(who)) ? HttpStatusCode.Forbidden : (HttpStatusCode?)null;
                var denied = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (expectDenied is { } expected ? status != expected : denied)
                {
                    failures.Add($"{operation} as {who}: {(int)status}, expected {(expectDenied is { } e ? ((int)e).ToString(System.Globalization.CultureInfo.InvariantCulture) : "allowed")}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/Account/SignIn")]
    [InlineData("/Dashboard")]
    public async Task AnonymousEndpoints_AreOnlyHealthSignInAndTheDashboard(string path)
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlessClient().GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Projects")]
    [InlineData("/Audit")]
    [InlineData("/ApiReference")]
    [InlineData("/Admin/Users")]
    [InlineData("/Questions")]
    [InlineData("/Questions/Backlog")]
    [InlineData("/Questions/Create")]
    [InlineData("/Outputs")]
    [InlineData("/Outputs/Details/O-2026-0001")]
    [InlineData("/Outputs/Approve/O-2026-0001")]
    public async Task Pages_Anonymous_RedirectToSignIn(string path)
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.CreateBrowserlessClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
