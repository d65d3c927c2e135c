using System.Net;
using System.Text.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Authorization;

/// <summary>
/// Walks every operation of the OpenAPI document as each role and anonymously. Anonymous callers get 401 everywhere;
/// each operation gives 403 to every role not in its row. The expected table is written out here, so an endpoint
/// added without a decision about who may call it fails this test. Twice more: with each role's session after the
/// recent-MFA window (403 exactly where <see cref="NeedsRecentMfa"/>), and with an access token of a user holding
/// every role (403 everywhere but <see cref="TokenReaches"/>: tokens carry no roles and reach no admin change).
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

    /// <summary>
    /// Operations that also need the browser session with a second factor confirmed within the last 15 minutes: every
    /// administrative change (the Admin policy), the users API as its page, and approving or retracting a release.
    /// </summary>
    private static readonly HashSet<string> NeedsRecentMfa =
    [
        "POST /api/projects", "PUT /api/projects/{id}", "POST /api/questions/{id}/project", "POST /api/organisations",
        "GET /api/users", "POST /api/users", "GET /api/users/{id}", "POST /api/users/{id}/lock", "POST /api/users/{id}/unlock",
        "PUT /api/users/{id}/roles/{role}", "DELETE /api/users/{id}/roles/{role}",
        "POST /api/outputs/{id}/approve", "POST /api/outputs/{id}/retract",
    ];

    /// <summary>What an access token reaches outside the API of the projects in its scope.</summary>
    private static readonly HashSet<string> TokenReaches = ["GET /api/me"];

    [Fact]
    public async Task EveryOperation_EachRoleAndAnonymous_IsDeniedByDefault()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var clients = await SignInEachRoleAsync(app);

        var anonymousDocument = await clients["anonymous"].GetAsync("/openapi/v1.json");
        var operations = await OperationsAsync(clients[nameof(WorkbenchRole.Admin)]);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDocument.StatusCode);
        Assert.Equal(Allowed.Keys.Order(), operations.Order());
        Assert.Subset(Allowed.Keys.ToHashSet(), NeedsRecentMfa);
        Assert.Empty(await FailuresAsync(operations, clients, token: null, (operation, who) => who == "anonymous" ? HttpStatusCode.Unauthorized
            : !Allowed[operation].Contains(Enum.Parse<WorkbenchRole>(who)) ? HttpStatusCode.Forbidden : null));
    }

    [Fact]
    public async Task EveryOperation_StaleSessionOfEachRole_IsRefusedWhereRecentMfaIsNeeded()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var clients = await SignInEachRoleAsync(app);
        var operations = await OperationsAsync(clients[nameof(WorkbenchRole.Admin)]);
        clients.Remove("anonymous");
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Empty(await FailuresAsync(operations, clients, token: null, (operation, who) =>
            !Allowed[operation].Contains(Enum.Parse<WorkbenchRole>(who)) || NeedsRecentMfa.Contains(operation) ? HttpStatusCode.Forbidden : null));
    }

    [Fact]
    public async Task EveryOperation_AccessTokenOfAUserWithEveryRole_ReachesOnlyWhatTokensMay()
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var everything = await app.CreateUserAsync("all.roles", "CBS", Enum.GetValues<WorkbenchRole>());
        var operations = await OperationsAsync(await app.SignInAsync(everything));
        var token = await OpenId.DeviceTokens.AccessTokenAsync(app, everything, "openid profile offline_access");

        Assert.Empty(await FailuresAsync(operations, new() { ["token"] = app.CreateHttpsClient() }, token, (operation, _) =>
            TokenReaches.Contains(operation) ? null : HttpStatusCode.Forbidden));
    }

    private static async Task<Dictionary<string, HttpClient>> SignInEachRoleAsync(WorkbenchApp app)
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.CreateBrowserlessClient() };
        foreach (var role in Enum.GetValues<WorkbenchRole>())
        {
            clients[role.ToString()] = await app.SignInAsync(await app.CreateUserAsync(role.ToString().ToLowerInvariant(), "CBS", role));
        }
        return clients;
    }

    private static async Task<List<string>> OperationsAsync(HttpClient signedIn)
    {
        using var document = JsonDocument.Parse(await signedIn.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
            .ToList();
    }

    /// <summary>Calls every operation as every client; <paramref name="expectDenied"/> gives the refusal expected, or null for "allowed".</summary>
    private static async Task<List<string>> FailuresAsync(
        IEnumerable<string> operations, Dictionary<string, HttpClient> clients, string? token, Func<string, string, HttpStatusCode?> expectDenied)
    {
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1].Replace("{id}", "P-2000-999", StringComparison.Ordinal)
                .Replace("{dataset}", "persons", StringComparison.Ordinal).Replace("{role}", "Auditor", StringComparison.Ordinal));
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (token is not null)
                {
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                }
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var status = (await client.SendAsync(request)).StatusCode;
                var expected = expectDenied(operation, who);
                var denied = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (expected is { } e ? status != e : denied)
                {
                    failures.Add($"{operation} as {who}: {(int)status}, expected {(expected is { } x ? ((int)x).ToString(System.Globalization.CultureInfo.InvariantCulture) : "allowed")}");
                }
            }
        }
        return failures;
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
