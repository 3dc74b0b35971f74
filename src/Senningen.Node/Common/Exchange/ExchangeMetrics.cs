using System.Diagnostics.Metrics;

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
    private readonly Histogram<double> _latency;

    public ExchangeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Observability.TelemetryModule.MeterName);
        _receipted = meter.CreateCounter<long>("senningen.exchange.sent.receipted", description: "Messages a partner accepted with a verified receipt");
        _rejected = meter.CreateCounter<long>("senningen.exchange.sent.rejected", description: "Messages a partner refused with a signed receipt");
        _expired = meter.CreateCounter<long>("senningen.exchange.sent.expired", description: "Messages that expired before delivery");
        _failed = meter.CreateCounter<long>("senningen.exchange.delivery.failures", description: "Delivery attempts that failed and will be retried");
        _received = meter.CreateCounter<long>("senningen.exchange.received", description: "Messages accepted into the inbox");
        _refused = meter.CreateCounter<long>("senningen.exchange.refused", description: "Incoming envelopes refused");
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

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
