using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workbench.Audit;
using Workbench.Server.Identity;

namespace Workbench.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a fresh database, in the Testing environment (no demo users). The domain clock is a
/// <see cref="FakeTimeProvider"/> starting now; the sign-in cookie keeps the real clock so a test can move the
/// domain past a retention end without the session expiring.
/// </summary>
internal sealed partial class WorkbenchApp : WebApplicationFactory<Program>
{
    public const string CheckpointKeyBase64 = "dGVzdC1vbmx5LWNoZWNrcG9pbnQta2V5LTMyLWJ5dGVzLWxvbmchIQ==";
    public const string ReceiptKeyBase64 = "dGVzdC1vbmx5LXJlbGVhc2UtcmVjZWlwdC1rZXktMzItYnl0ZXMhIQ==";
    public const string Password = "Test-Password-2026!";
    public const string NotebooksClientId = "notebooks";
    public const string NotebooksClientSecret = "test-only-notebooks-secret-0123456789";
    public const string NotebooksRedirectUri = "https://notebooks.test/callback";
    public const string CliClientId = "workbench-cli";
    public const string KernelClientId = "workbench-kernel";

    private readonly TestDatabase _database;

    private readonly IReadOnlyDictionary<string, string> _settings;

    private WorkbenchApp(TestDatabase database, int checkpointInterval, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        CheckpointInterval = checkpointInterval;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public int CheckpointInterval { get; }

    public TestDatabase Database => _database;

    public static async Task<WorkbenchApp> StartAsync(
        DatabaseProvider provider, int checkpointInterval = 4, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new WorkbenchApp(await TestDatabase.CreateAsync(provider), checkpointInterval, settings);
        _ = app.Server; // start now: migrations run here
        return app;
    }

    /// <summary>
    /// The server on Kestrel at a free loopback port, for a real browser; see <see cref="BaseAddress"/>. With a
    /// <c>Notebooks:Origin</c> setting it listens on that origin's port too (see <see cref="NotebookOrigin"/>).
    /// </summary>
    public static async Task<WorkbenchApp> StartOnLoopbackAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new WorkbenchApp(await TestDatabase.CreateAsync(provider), checkpointInterval: 4, settings);
        app.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            if (app.NotebookOrigin is { } notebooks) o.ListenLocalhost(notebooks.Port);
        });
        app.StartServer();
        return app;
    }

    /// <summary>Where the Kestrel server of <see cref="StartOnLoopbackAsync"/> listens, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
        .Addresses.Single(a => NotebookOrigin is null || new Uri(a).Port != NotebookOrigin.Port));

    /// <summary>The notebooks' own origin when the settings name one (<c>Notebooks:Origin</c>), such as <c>http://localhost:12345</c>.</summary>
    public Uri? NotebookOrigin => _settings.TryGetValue("Notebooks:Origin", out var origin) ? new Uri(origin) : null;

    /// <summary>
    /// A free loopback port for the notebook origin, from below the ephemeral range (a port from that range can be taken
    /// by any test's client socket before Kestrel binds it).
    /// </summary>
    public static int FreePort()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var below = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0],
            System.Globalization.CultureInfo.InvariantCulture, out var low) ? low : 32768;
        while (true)
        {
            var port = System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000, below);
            try
            {
                using var v4 = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
                v4.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // taken: another
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Database:DataDirectory", _database.Directory);
        builder.UseSetting("Audit:CheckpointKey", CheckpointKeyBase64);
        builder.UseSetting("Releases:ReceiptKey", ReceiptKeyBase64);
        builder.UseSetting("Audit:CheckpointInterval", CheckpointInterval.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Two clients as the OpenID tests use them: a confidential notebook front-end (code flow with PKCE, may
        // introspect) and the public command line (device flow).
        builder.UseSetting("OpenId:Clients:0:ClientId", NotebooksClientId);
        builder.UseSetting("OpenId:Clients:0:ClientSecret", NotebooksClientSecret);
        builder.UseSetting("OpenId:Clients:0:AuthorizationCode", "true");
        builder.UseSetting("OpenId:Clients:0:RedirectUris:0", NotebooksRedirectUri);
        builder.UseSetting("OpenId:Clients:0:TokenExchange", "true");
        builder.UseSetting("OpenId:Clients:1:ClientId", CliClientId);
        builder.UseSetting("OpenId:Clients:1:DisplayName", "Workbench command line");
        builder.UseSetting("OpenId:Clients:1:DeviceCode", "true");
        builder.UseSetting("OpenId:Clients:2:ClientId", KernelClientId);
        builder.UseSetting("OpenId:Clients:2:DisplayName", "Workbench C# kernel");
        builder.UseSetting("OpenId:Clients:2:DeviceCode", "true");
        builder.UseSetting("OpenId:Clients:2:TokenExchange", "true");
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = TimeProvider.System);
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.TimeProvider = TimeProvider.System);
            // Token lifetimes run on the real clock too: moving the domain past a retention end must be what stops a token.
            services.PostConfigure<OpenIddict.Server.OpenIddictServerOptions>(o => o.TimeProvider = TimeProvider.System);
            services.PostConfigure<OpenIddict.Validation.OpenIddictValidationOptions>(o => o.TimeProvider = TimeProvider.System);
        });
    }

    /// <summary>A user with an enrolled authenticator and these roles.</summary>
    public async Task<TestUser> CreateUserAsync(string userName, string organisation, params WorkbenchRole[] roles) =>
        await CreateUserAsync(userName, organisation, enrolled: true, roles);

    public async Task<TestUser> CreateUserAsync(string userName, string organisation, bool enrolled, params WorkbenchRole[] roles)
    {
        var key = enrolled ? RandomBase32() : null;
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        var user = await provisioning.CreateAsync(
            new NewUser(userName, $"{userName}@test.invalid", userName, organisation, roles, Password, key), CancellationToken.None);
        return new TestUser(user.Id, userName, key);
    }

    /// <summary>Like <see cref="CreateBrowserlessClient"/>, on https: the OpenID endpoints refuse plain HTTP outside Development.</summary>
    public HttpClient CreateHttpsClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>For the Kestrel server of <see cref="StartOnLoopbackAsync"/>: a real HTTP client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateLoopbackClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A client that does not follow redirects and keeps cookies.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real pages: password, then the TOTP code.</summary>
    public async Task<HttpClient> SignInAsync(TestUser user) => await SignInAsync(user, CreateBrowserlessClient());

    /// <summary>Signs in through the real pages with the given client (for instance one on https).</summary>
    public static async Task<HttpClient> SignInAsync(TestUser user, HttpClient client)
    {
        var afterPassword = await PostFormAsync(client, "/Account/SignIn", new() { ["UserName"] = user.UserName, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith("/Account/Mfa", afterPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var afterCode = await PostFormAsync(client, "/Account/Mfa", new() { ["Code"] = Totp.Now(user.TotpKey!) });
        Assert.Equal(HttpStatusCode.Redirect, afterCode.StatusCode);
        return client;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the form to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string RandomBase32()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return new string([.. System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(alphabet, 32)]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

internal sealed record TestUser(string Id, string UserName, string? TotpKey);
