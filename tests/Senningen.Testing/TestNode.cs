using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Auth;
using Senningen.Node;

namespace Senningen.Testing;

/// <summary>
/// A real node on a loopback port (Kestrel, real HTTP), in demo mode so the five demo users exist, with its own data
/// directory and database. It can be stopped and started again on the same port, directory and database.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly string _directory;
    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _values;
    private readonly Action<IServiceCollection>? _services;
    private WebApplication? _app;

    private TestNode(string directory, TestDatabase database, Dictionary<string, string?> values, Action<IServiceCollection>? services)
    {
        _directory = directory;
        _database = database;
        _values = values;
        _services = services;
        if (values["urls"] is { } urls && !urls.EndsWith(":0", StringComparison.Ordinal))
        {
            BaseUrl = new Uri(urls + "/");
        }
    }

    public WebApplication App => _app ?? throw new InvalidOperationException("The node is stopped.");

    public bool IsRunning => _app is not null;

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    public Store Store => _database.Store;

    public TestDatabase Database => _database;

    public string DataDirectory => _values["Senningen:Node:DataDirectory"]!;

    /// <summary>The configuration the node starts with (for running it as a separate process).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _values;

    public static async Task<TestNode> StartAsync(Store store = Store.Sqlite, string country = "BE",
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var node = await CreateAsync(store, country, settings, services);
        await node.StartAgainAsync();
        return node;
    }

    /// <summary>Prepares a node (directory, database, settings) without starting it.</summary>
    public static async Task<TestNode> CreateAsync(Store store = Store.Sqlite, string country = "BE",
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var directory = Directory.CreateTempSubdirectory("senningen-test-").FullName;
        var database = await TestDatabase.CreateAsync(store, directory);
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Senningen:Node:Country"] = country,
            ["Senningen:Node:PublicUrl"] = "http://127.0.0.1/",
            ["Senningen:Node:DataDirectory"] = directory,
            ["Senningen:Node:Demo"] = "true",
            ["Senningen:Database:Provider"] = database.Provider,
            ["Senningen:Database:ConnectionString"] = database.ConnectionString,
            ["Senningen:Exchange:PollInterval"] = "00:00:00.050",
            // Tests sign the same demo user in many times a minute from one address: the per-address limit (30) still holds.
            ["Senningen:Api:SignInsPerUserNamePerMinute"] = "30",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new TestNode(directory, database, values, services);
    }

    public async Task StartAgainAsync()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The node is already running.");
        }

        // Outside demo mode a node needs a certificate for its key ring; a test that leaves the key out gets one made
        // for it, a test that sets it (even to nothing) keeps what it set.
        if (_values["Senningen:Node:Demo"] != "true" && !_values.ContainsKey(KeyProtectionCertificate.PathKey))
        {
            foreach (var (key, value) in KeyProtectionCertificate.Create(DataDirectory))
            {
                _values[key] = value;
            }
        }

        var app = NodeApp.Build([], c => c.AddInMemoryCollection(_values), _services);
        await app.PrepareAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Keep the port: a restarted node must be found where its partners expect it.
        _values["urls"] = address;
        BaseUrl = new Uri(address + "/");
        _app = app;
    }

    /// <summary>Changes a setting for the next start (a node leaving demo mode, say); only while stopped.</summary>
    public void Set(string key, string? value)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("Stop the node before changing its settings.");
        }

        _values[key] = value;
    }

    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>A client with no credentials that does not follow redirects (tests look at them).</summary>
    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUrl };

    public async Task<HttpClient> SignedInAsync(string username, string password = "demo")
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest(username, password));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
