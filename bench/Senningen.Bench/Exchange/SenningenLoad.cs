using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Senningen.Bench.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Countries;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Testing;

namespace Senningen.Bench.Exchange;

/// <summary>
/// Two real nodes, BE sending to NL over loopback HTTP, each on its own SQLite file, or each as several instances on
/// PostgreSQL behind nginx (<see cref="BenchNetwork"/>). A message counts as delivered when a BE dispatcher (of whichever
/// instance claimed it) has verified NL's signed receipt and saved it (the outcome the node's own waiters get).
/// </summary>
internal sealed class SenningenLoad : IAsyncDisposable
{
    private static readonly CountryCode Recipient = CountryCode.Parse("NL");
    private readonly BenchNetwork _network;
    private int _next;

    private SenningenLoad(BenchNetwork network) => _network = network;

    public TestNode Sender => _network.First("BE");

    public TestNode Receiver => _network.First("NL");

    public string Deployment => _network.Describe;

    /// <param name="encryption">Message-level encryption on both nodes (ADR 0029): <c>Off</c> for the clear peer, <c>Required</c> for the encrypted one.</param>
    public static async Task<SenningenLoad> StartAsync(string? pragmas = null, Store store = Store.Sqlite, int instances = 1, string encryption = "Off")
    {
        var network = await BenchNetwork.StartAsync(["BE", "NL"], store, instances,
            settings: _ => new Dictionary<string, string?> { ["Senningen:Exchange:Encryption"] = encryption }, services: s =>
        {
            s.AddMessageType<LoadPayload, LoadHandler>(LoadPayload.Type, 1);
            if (pragmas is not null)
            {
                s.ConfigureDbContext<SqliteSenningenDbContext>(o => o.AddInterceptors(new SqlitePragmas(pragmas)));
            }
        });
        return new SenningenLoad(network);
    }

    /// <summary>Enqueues <paramref name="count"/> messages in commits of <paramref name="batch"/>, each its own conversation, as fast as BE commits them.</summary>
    public async Task<ThroughputRun> ThroughputAsync(int count, int batch, CancellationToken ct)
    {
        var waits = new List<Task<DeliveryOutcome>>(count);
        long first = 0;
        for (var done = 0; done < count; done += batch)
        {
            await using var scope = Sender.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < Math.Min(batch, count - done); i++)
            {
                var message = await outbox.EnqueueAsync(Recipient, LoadPayload.Type, 1, LoadPayload.For(_next++), cancellationToken: ct);
                waits.Add(WhenDelivered(message.Id));
            }

            if (first == 0)
            {
                first = Stopwatch.GetTimestamp();
            }

            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(ct);
        }

        var outcomes = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromMinutes(10), ct);
        var seconds = Stopwatch.GetElapsedTime(first).TotalSeconds;
        var failed = outcomes.Count(o => o.Outcome != "receipted");
        return new ThroughputRun(count, batch, Math.Round(seconds, 3), Math.Round((count - failed) / seconds, 0), failed,
            "from the start of BE's first commit to the last verified receipt saved at BE");
    }

    /// <summary>One message per commit, started on an open-loop schedule of <paramref name="rate"/> per second.</summary>
    public async Task<LatencyRun> LatencyAsync(double rate, TimeSpan duration, CancellationToken ct)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var samples = new List<Task<(double Commit, double Schedule, bool Ok)>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * interval);
            await Pace.UntilAsync(due, ct);
            var index = _next++;
            samples.Add(Task.Run(() => OneAsync(index, due, ct), ct));
        }

        var offeredSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var results = await Task.WhenAll(samples).WaitAsync(TimeSpan.FromMinutes(5), ct);
        var ok = results.Where(r => r.Ok).ToList();
        return new LatencyRun(rate, Math.Round(count / offeredSeconds, 1), Math.Round(offeredSeconds, 2), Latencies.Of(ok.Select(r => r.Commit).ToList()),
            Latencies.Of(ok.Select(r => r.Schedule).ToList()), results.Length - ok.Count,
            "latency: from BE's commit returning to the verified receipt saved at BE; fromSchedule: from the message's slot in the schedule (includes waiting to commit)");
    }

    /// <summary>Waits until NL has handled everything it accepted, and says how long that took after the call.</summary>
    public async Task<double> DrainReceiverAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await using var scope = Receiver.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            if (!await db.Inbox.AnyAsync(m => m.Status == InboxStatus.Accepted, ct))
            {
                return Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            await Task.Delay(20, ct);
        }
    }

    public async Task<(int Sent, int Receipted, int Received, int Handled)> CountAsync(CancellationToken ct)
    {
        await using var sender = Sender.Services.CreateAsyncScope();
        var outbox = sender.ServiceProvider.GetRequiredService<SenningenDbContext>().Outbox;
        await using var receiver = Receiver.Services.CreateAsyncScope();
        var inbox = receiver.ServiceProvider.GetRequiredService<SenningenDbContext>().Inbox;
        return (await outbox.CountAsync(ct), await outbox.CountAsync(m => m.Status == OutboxStatus.Receipted, ct),
            await inbox.CountAsync(ct), await inbox.CountAsync(m => m.Status == InboxStatus.Handled, ct));
    }

    /// <summary>How the profile tells the nodes' connections apart: the SQLite file, or the PostgreSQL database name.</summary>
    public Dictionary<string, string> DatabaseFiles() => Sender.Store != Store.Sqlite
        ? new()
        {
            ["BE"] = new Npgsql.NpgsqlConnectionStringBuilder(Sender.Database.ConnectionString).Database!,
            ["NL"] = new Npgsql.NpgsqlConnectionStringBuilder(Receiver.Database.ConnectionString).Database!,
        }
        : new()
        {
            ["BE"] = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Sender.Database.ConnectionString).DataSource,
            ["NL"] = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Receiver.Database.ConnectionString).DataSource,
        };

    public ValueTask DisposeAsync() => _network.DisposeAsync();

    // Any instance of BE may claim and deliver the message; the first to report it delivered is the one that did.
    private async Task<DeliveryOutcome> WhenDelivered(Guid message) =>
        await await Task.WhenAny(_network.Instances("BE").Select(i => i.Services.GetRequiredService<DispatchSignal>().WhenDelivered(message)));

    private async Task<(double, double, bool)> OneAsync(int index, long due, CancellationToken ct)
    {
        Task<DeliveryOutcome> delivered;
        long committed;
        await using (var scope = Sender.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            var message = await outbox.EnqueueAsync(Recipient, LoadPayload.Type, 1, LoadPayload.For(index), cancellationToken: ct);
            delivered = WhenDelivered(message.Id);
            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(ct);
            committed = Stopwatch.GetTimestamp();
        }

        var outcome = await delivered;
        var end = Stopwatch.GetTimestamp();
        return (Stopwatch.GetElapsedTime(committed, end).TotalMilliseconds, Stopwatch.GetElapsedTime(due, end).TotalMilliseconds,
            outcome.Outcome == "receipted");
    }
}
