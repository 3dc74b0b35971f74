using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Bench.Cluster;
using Senningen.Bench.Exchange;
using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Testing;

namespace Senningen.Bench.Operations;

/// <summary>
/// Two real nodes, BE and NL, on one store, each one instance or several behind nginx (<see cref="BenchNetwork"/>). BE runs the operations; a tracker gateway per operation posts that
/// operation's fixes (one per unit) to BE once a second on an open-loop schedule; NL's alerts are watched as they appear.
/// </summary>
internal sealed partial class OperationsLoad : IAsyncDisposable
{
    private const string HomeZone = "BE-VAN";
    private const int MaxConnections = 200;
    private readonly BenchNetwork _network;
    private readonly HttpClient _officer;
    private readonly Tracks _tracks;

    private OperationsLoad(BenchNetwork network, HttpClient officer, Tracks tracks) => (_network, _officer, _tracks) = (network, officer, tracks);

    private TestNode Home => _network.First("BE");

    private TestNode Partner => _network.First("NL");

    public string Deployment => _network.Describe;

    public static async Task<OperationsLoad> StartAsync(Store store, int instances)
    {
        // Every gateway would have its own service identity in a deployment; the demo has five users, so the per-user
        // API limit (600/min by default) is lifted for the one officer all gateways post as.
        var network = await BenchNetwork.StartAsync(["BE", "NL"], store, instances,
            _ => new Dictionary<string, string?> { ["Senningen:Api:RequestsPerMinute"] = "1000000" });
        using var signIn = await network.First("BE").SignedInAsync("officer");
        // One keep-alive connection per gateway at most, as a fleet of gateways would hold: posts beyond that wait in
        // the client, which the figures from the schedule include. Unbounded, a falling-behind node is flooded with
        // connections until the process runs out of resources.
        var officer = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxConnections, UseCookies = false })
        {
            BaseAddress = network.Front("BE"),
        };
        officer.DefaultRequestHeaders.Authorization = signIn.DefaultRequestHeaders.Authorization;
        var tracks = Tracks.Check(network.First("BE").Services.GetRequiredService<IGeoLocator>());
        return new OperationsLoad(network, officer, tracks);
    }

    public async ValueTask DisposeAsync()
    {
        _officer.Dispose();
        await _network.DisposeAsync();
    }

    /// <summary>Starts <paramref name="count"/> pursuits of <paramref name="units"/> units each, returning their ids and call signs.</summary>
    public async Task<List<(Guid Id, string[] Units)>> StartOperationsAsync(int count, int units, string prefix, CancellationToken ct)
    {
        var operations = new List<(Guid, string[])>(count);
        for (var i = 0; i < count; i++)
        {
            var callSigns = Enumerable.Range(0, units).Select(u => $"{prefix}{i:000}-{u:00}").ToArray();
            var response = await _officer.PostAsJsonAsync("api/v1/operations", new StartOperationRequest("hot-pursuit",
                [.. callSigns.Select(c => new OperationUnitInput(c, "Skoda Octavia combi", 2))], ["1-ABC-123"], "Man, 30s, dark jacket",
                "Armed robbery of a petrol station", HomeZone, $"PV-2026-{i:0000}", null, null), ct);
            if (response.StatusCode != System.Net.HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Starting operation {i} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }

            operations.Add(((await response.Content.ReadFromJsonAsync<OperationView>(ct))!.Id, callSigns));
        }

        return operations;
    }

    /// <summary>
    /// Warms every path once (JIT, pools, the exchange to NL): one operation drives the whole road in one batch of
    /// fixes ending now, as a tracker replaying its buffer would, and the run waits for NL's alert.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        var (id, units) = (await StartOperationsAsync(1, 1, "WARM", ct))[0];
        await using var watch = new AlertWatch(Partner.Services);
        var now = TimeProvider.System.GetUtcNow();
        // A minute of driving that reaches the border half-way, all in the past (the node accepts fixes from the operation's start less its tolerance).
        const int seconds = 60;
        var fixes = Enumerable.Range(0, seconds).Select(s =>
        {
            var (lat, lon) = _tracks.Lead(seconds / 2.0, s);
            return (PositionFixInput?)new PositionFixInput(units[0], lat, lon, now.AddSeconds(s - seconds), Tracks.LeadMetresPerSecond * 3.6, 15, 8);
        }).ToList();
        var response = await _officer.PostAsJsonAsync($"api/v1/operations/{id}/positions", new PositionBatch(fixes), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode || !body.Contains("\"to\":\"NL\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The warm-up drive confirmed no crossing into NL: {(int)response.StatusCode} {body}");
        }

        if (!await watch.WaitForAsync(id, TimeSpan.FromSeconds(30), ct))
        {
            throw new InvalidOperationException("The warm-up crossing did not reach NL as an alert within 30 s.");
        }
    }

    /// <summary>Crossings confirmed at BE (<c>ops_crossings.DetectedAtMs</c>) and alerts stored at NL (<c>ops_alerts.ReceivedAtMs</c>), by operation.</summary>
    public async Task<(Dictionary<Guid, long> Detected, Dictionary<Guid, long> Received)> NodeClocksAsync(CancellationToken ct)
    {
        await using var home = Home.Services.CreateAsyncScope();
        var detected = (await home.ServiceProvider.GetRequiredService<SenningenDbContext>().OperationCrossings.AsNoTracking()
                .Where(c => c.ToCountry == CountryCode.Netherlands).Select(c => new { c.OperationId, c.DetectedAt }).ToListAsync(ct))
            .GroupBy(c => c.OperationId).ToDictionary(g => g.Key, g => g.Min(c => c.DetectedAt).ToUnixTimeMilliseconds());
        await using var partner = Partner.Services.CreateAsyncScope();
        var received = (await partner.ServiceProvider.GetRequiredService<SenningenDbContext>().Alerts.AsNoTracking()
                .Select(a => new { a.OperationId, a.ReceivedAt }).ToListAsync(ct))
            .GroupBy(a => a.OperationId).ToDictionary(g => g.Key, g => g.Min(a => a.ReceivedAt).ToUnixTimeMilliseconds());
        return (detected, received);
    }

    public Dictionary<string, string> DatabaseFiles() => Home.Store != Store.Sqlite ? [] : new()
    {
        ["BE"] = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Home.Database.ConnectionString).DataSource,
        ["NL"] = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Partner.Database.ConnectionString).DataSource,
    };

    /// <summary>One timed post of one gateway (one operation, one second).</summary>
    private readonly record struct Post(long Due, long Sent, long Done, int Status, int Accepted, bool CrossedIntoNl);

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static Latencies Percentiles(IEnumerable<double> values) => Latencies.Of(values.ToList());
}
