using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>Counters and the commit-to-receipt latency of the exchange, exported with the node's other metrics.</summary>
public sealed class ExchangeMetrics
{
    private readonly Counter<long> _receipted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _expired;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _received;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _transportRefused;
    private readonly Histogram<double> _latency;

    public ExchangeMetrics(IMeterFactory meters, IServiceScopeFactory scopes, PartnerLinks links, TimeProvider clock)
    {
        var meter = meters.Create(Observability.TelemetryModule.MeterName);
        // The link state as gauges, read when a collector asks (every scrape), not kept up to date on every message.
        meter.CreateObservableGauge("senningen.exchange.queue.depth", () => Queues(scopes).Select(q => new Measurement<long>(q.Depth, Tag("partner", q.Partner))),
            description: "Messages waiting for a receipt, per partner");
        meter.CreateObservableGauge("senningen.exchange.queue.oldest.age", () => Queues(scopes).Select(q =>
                new Measurement<double>((clock.GetUtcNow().ToUnixTimeMilliseconds() - q.OldestMs) / 1000.0, Tag("partner", q.Partner))),
            unit: "s", description: "Age of the oldest undelivered message, per partner");
        meter.CreateObservableGauge("senningen.exchange.circuit.open", () => links.All.Select(l =>
                new Measurement<int>(l.Circuit == Polly.CircuitBreaker.CircuitState.Closed ? 0 : 1, Tag("partner", l.Partner.Country.Value))),
            description: "1 while the circuit to a partner is open or half-open");
        meter.CreateObservableGauge("senningen.exchange.last.success.age", () => links.All.Where(l => l.LastSuccess is not null).Select(l =>
                new Measurement<double>((clock.GetUtcNow() - l.LastSuccess!.Value).TotalSeconds, Tag("partner", l.Partner.Country.Value))),
            unit: "s", description: "Time since the last verified receipt from a partner");
        meter.CreateObservableGauge("senningen.exchange.parked", () => Parked(scopes),
            description: "Messages parked after repeated failures, waiting for an operator to retry or drop them, per direction");
        _receipted = meter.CreateCounter<long>("senningen.exchange.sent.receipted", description: "Messages a partner accepted with a verified receipt");
        _rejected = meter.CreateCounter<long>("senningen.exchange.sent.rejected", description: "Messages a partner refused with a signed receipt");
        _expired = meter.CreateCounter<long>("senningen.exchange.sent.expired", description: "Messages that expired before delivery");
        _failed = meter.CreateCounter<long>("senningen.exchange.delivery.failures", description: "Delivery attempts that failed and will be retried");
        _received = meter.CreateCounter<long>("senningen.exchange.received", description: "Messages accepted into the inbox");
        _refused = meter.CreateCounter<long>("senningen.exchange.refused", description: "Incoming envelopes refused");
        _transportRefused = meter.CreateCounter<long>("senningen.exchange.transport.refused",
            description: "TLS certificates of partners refused (not pinned, revoked, not from the federation CA), by direction");
        _throttled = meter.CreateCounter<long>("senningen.exchange.throttled",
            description: "Inbox requests answered 429 because their address had too many envelopes refused");
        _latency = meter.CreateHistogram<double>("senningen.exchange.receipt.latency", unit: "ms", description: "From commit to verified receipt");
    }

    public void Receipted(string partner, string type, long latencyMs)
    {
        _receipted.Add(1, Tag("partner", partner), Tag("type", type));
        _latency.Record(latencyMs, Tag("partner", partner));
    }

    public void Rejected(string partner, string type) => _rejected.Add(1, Tag("partner", partner), Tag("type", type));

    public void Expired(string partner, string type) => _expired.Add(1, Tag("partner", partner), Tag("type", type));

    public void Failed(string partner) => _failed.Add(1, Tag("partner", partner));

    public void Received(string partner, string type) => _received.Add(1, Tag("partner", partner), Tag("type", type));

    public void Refused(string partner, string reason) => _refused.Add(1, Tag("partner", partner), Tag("reason", reason));

    public void Throttled() => _throttled.Add(1);

    public void TransportRefused(string partner, string direction, string reason) =>
        _transportRefused.Add(1, Tag("partner", partner), Tag("direction", direction), Tag("reason", reason));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);

    private static Measurement<long>[] Parked(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return
        [
            new(db.Outbox.LongCount(m => m.Status == OutboxStatus.Parked), Tag("direction", "out")),
            new(db.Inbox.LongCount(m => m.Status == InboxStatus.Parked), Tag("direction", "in")),
        ];
    }

    private static List<(string Partner, long Depth, long OldestMs)> Queues(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return [.. db.Outbox.Where(m => m.Status == OutboxStatus.Queued).GroupBy(m => m.Recipient)
            .Select(g => new { Partner = g.Key, Depth = g.LongCount(), Oldest = g.Min(m => m.CreatedAt) })
            .AsEnumerable().Select(g => (g.Partner.Value, g.Depth, g.Oldest.ToUnixTimeMilliseconds()))];
    }
}
