using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Bench.Cluster;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Testing;

namespace Senningen.Bench.AnprIngest;

/// <summary>
/// A real BE node from <c>tests/Senningen.Testing</c> (Kestrel on loopback, SQLite file in WAL mode as shipped, or several
/// instances on PostgreSQL behind nginx), with cameras registered and the hotlist imported through the API, and a
/// gateway client posting batches of reads to the node's front.
/// </summary>
internal sealed class NodeIngest : IIngestTarget, IAsyncDisposable
{
    private readonly BenchNetwork _network;
    private readonly HttpClient _gateway;

    private NodeIngest(BenchNetwork network, HttpClient gateway) => (_network, _gateway) = (network, gateway);

    /// <summary>The instance whose services the driver watches and queries.</summary>
    public TestNode Node => _network.First("BE");

    public string Deployment => _network.Describe;

    public string DatabaseFile => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Node.Database.ConnectionString).DataSource;

    public static async Task<NodeIngest> StartAsync(IngestData data, CancellationToken ct, Store store = Store.Sqlite, int instances = 1)
    {
        // A gateway posts as one service identity: the per-user API limit (600/min) is lifted for it, as in the
        // operations suite; the body limit is raised so a 100 k hotlist goes in a few requests.
        var network = await BenchNetwork.StartAsync(["BE"], store, instances, _ => new Dictionary<string, string?>
        {
            ["Senningen:Api:RequestsPerMinute"] = "1000000",
            ["Senningen:Api:MaxRequestBodyBytes"] = "16777216",
        });
        var node = network.First("BE");
        using (var admin = await node.SignedInAsync("admin"))
        {
            foreach (var (id, i) in data.Cameras.Select((c, i) => (c, i)))
            {
                var response = await admin.PostAsJsonAsync("api/v1/anpr/cameras", new RegisterCameraRequest(id, "Federale Politie",
                    $"Bench lane {i}", 50.5 + (i * 0.01), 4.5 + (i * 0.01), "N", "police", null, null), ct);
                await EnsureAsync(response, "registering a camera", ct);
            }

            foreach (var csv in data.HotlistCsv(20_000, TimeProvider.System.GetUtcNow().AddDays(-1)))
            {
                using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
                var response = await admin.PostAsync("api/v1/anpr/hotlist/import", content, ct);
                await EnsureAsync(response, "importing the hotlist", ct);
                var report = (await response.Content.ReadFromJsonAsync<HotlistImportReport>(ct))!;
                if (report.Rejected.Count > 0)
                {
                    throw new InvalidOperationException($"The hotlist import rejected {report.Rejected.Count} lines, first: {report.Rejected[0]}");
                }
            }
        }

        using var signIn = await node.SignedInAsync("officer");
        var gateway = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false }) { BaseAddress = network.Front("BE") };
        gateway.DefaultRequestHeaders.Authorization = signIn.DefaultRequestHeaders.Authorization;
        return new NodeIngest(network, gateway);
    }

    public static PreparedBatch Prepare(PlateReadInput[] reads, string? probe = null) =>
        new(reads, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(reads, IngestData.Json), probe);

    public async Task<BatchOutcome> SendAsync(PreparedBatch batch, CancellationToken ct)
    {
        try
        {
            using var content = new ByteArrayContent(batch.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _gateway.PostAsync("api/v1/anpr/reads", content, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new BatchOutcome(0, true, false);
            }

            var result = (await response.Content.ReadFromJsonAsync<ReadBatchResult>(ct))!;
            return new BatchOutcome(result.Accepted, result.Rejected.Count > 0,
                batch.Probe is { } p && result.Hits.Any(h => h.Plate == p));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new BatchOutcome(0, true, false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _gateway.Dispose();
        await _network.DisposeAsync();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}

/// <summary>
/// Sees hits appear as the console's hit board does: the node's <see cref="ChangeFeed<HitsChanged>"/> (raised after the batch's commit)
/// wakes a reader of <c>anpr_hits</c>. A hit counts as visible when the read that found it returns, so the figure errs
/// late by one small read, never early (as the operations suite's AlertWatch).
/// </summary>
internal sealed class HitWatch : FeedWatch<string>
{
    private readonly ChangeFeed<HitsChanged> _feed;
    private DateTimeOffset _since = TimeProvider.System.GetUtcNow().AddSeconds(-1);

    public HitWatch(IServiceProvider node)
        : base(node, StringComparer.Ordinal)
    {
        _feed = node.GetRequiredService<ChangeFeed<HitsChanged>>();
        _feed.Changed += OnHits;
        Start();
    }

    public async Task WaitForAsync(IReadOnlyCollection<string> plates, TimeSpan timeout, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (plates.Any(p => !Seen.ContainsKey(p)) && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(20, ct);
        }
    }

    protected override async Task<IReadOnlyList<string>> ReadAsync(SenningenDbContext db, CancellationToken ct)
    {
        var since = _since;
        var hits = await db.AnprHits.AsNoTracking().Where(h => h.ReceivedAt >= since).Select(h => new { h.Plate, h.ReceivedAt }).ToListAsync(ct);
        foreach (var hit in hits)
        {
            // Commits land in order of their clocks within a few ms: re-read a second back, not the whole table.
            _since = hit.ReceivedAt.AddSeconds(-1) > _since ? hit.ReceivedAt.AddSeconds(-1) : _since;
        }

        return [.. hits.Select(h => h.Plate)];
    }

    private void OnHits(HitsChanged change) => Wake();

    protected override void Unsubscribe() => _feed.Changed -= OnHits;
}
