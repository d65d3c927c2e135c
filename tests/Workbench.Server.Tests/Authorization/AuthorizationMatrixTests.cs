using System.Net;
using System.Text.Json;
using Workbench.Audit;
using Workbench.Server.Identity;
using Workbench.Server.Tests.Infrastructure;

namespace Workbench.Server.Tests.Authorization;

/// <summary>
/// Walks every operation of the OpenAPI document as each role and anonymously. Anonymous callers get 401 everywhere;
/// Admin-only operations give 403 to every other role. The expected table is written out here, so an endpoint
/// added without a decision about who may call it fails this test.
/// </summary>
public class AuthorizationMatrixTests
{
    private static readonly Dictionary<string, bool> AdminOnly = new()
    {
        ["GET /api/me"] = false,
        ["GET /api/projects"] = false,
        ["POST /api/projects"] = true,
        ["GET /api/projects/{id}"] = false,
        ["PUT /api/projects/{id}"] = true,
        ["GET /api/projects/{id}/versions"] = false,
        ["GET /api/projects/{id}/data"] = false,
        ["GET /api/projects/{id}/data/{dataset}"] = false,
        ["GET /api/audit/entries"] = true,
        ["GET /api/audit/export"] = true,
        ["GET /api/audit/verify"] = true,
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
        Assert.Equal(AdminOnly.Keys.Order(), operations.Order());
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1].Replace("{id}", "P-2000-999", StringComparison.Ordinal)
                .Replace("{dataset}", "persons", StringComparison.Ordinal));
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                var status = (await client.SendAsync(request)).StatusCode;
                var expectDenied = who == "anonymous" ? HttpStatusCode.Unauthorized
                    : AdminOnly[operation] && who != nameof(WorkbenchRole.Admin) ? HttpStatusCode.Forbidden : (HttpStatusCode?)null;
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
    public async Task AnonymousEndpoints_AreOnlyHealthAndSignIn(string path)
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlessClient().GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Projects")]
    [InlineData("/Audit")]
    [InlineData("/ApiReference")]
    public async Task Pages_Anonymous_RedirectToSignIn(string path)
    {
        await using var app = await WorkbenchApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.CreateBrowserlessClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/SignIn", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
