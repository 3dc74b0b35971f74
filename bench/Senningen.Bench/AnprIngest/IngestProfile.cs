using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Senningen.Bench.AnprIngest;

/// <summary>
/// Where a batch's time goes inside the node, seen from the process without touching node code: the requests served
/// (Kestrel's <c>http.server.request.duration</c>), each EF Core transaction from begin to commit (on SQLite the save
/// holds the node's write gate for that span, and the batch's raw INSERT of its reads runs inside it), the EF Core
/// commands by statement, and the commit itself. A profiled pass is not one of the measured figures.
/// </summary>
internal sealed class IngestProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, (int Count, double Ms)> _totals = new();
    private readonly ConcurrentDictionary<Guid, long> _begun = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly MeterListener _meters = new();

    public IngestProfile()
    {
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "http.server.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((_, seconds, _, _) => Add("http: request served (Kestrel)", seconds * 1000));
        _meters.Start();
    }

    /// <summary>Each line: what, count, total ms, ms per call.</summary>
    public IReadOnlyList<ProfileEntry> Entries() =>
        [.. _totals.OrderByDescending(t => t.Value.Ms).Select(t => new ProfileEntry(t.Key, t.Value.Count, Math.Round(t.Value.Ms, 1),
            Math.Round(t.Value.Ms / Math.Max(1, t.Value.Count), 3)))];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Add($"sql: {Statement(executed.Command.CommandText)}", executed.Duration.TotalMilliseconds);
                break;
            case TransactionEventData started when value.Key == RelationalEventId.TransactionStarted.Name:
                _begun[started.TransactionId] = Stopwatch.GetTimestamp();
                break;
            case TransactionEndEventData ended when value.Key == RelationalEventId.TransactionCommitted.Name:
                Add("sql: COMMIT", ended.Duration.TotalMilliseconds);
                if (_begun.TryRemove(ended.TransactionId, out var begun))
                {
                    Add("transaction: begin to commit (write gate held)", Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                }

                break;
            default:
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _meters.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    /// <summary>A timed step measured by the suite itself (outside the node), added to the same table.</summary>
    public void Add(string key, double ms) =>
        _totals.AddOrUpdate(key, (1, ms), (_, t) => (t.Count + 1, t.Ms + ms));

    private static string Statement(string sql)
    {
        var words = sql.Split((char[])[' ', '\n', '\r', '(', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        var verb = words.FirstOrDefault() ?? "";
        var table = words.FirstOrDefault(w => w.Contains("anpr_", StringComparison.Ordinal) || w.Contains("audit", StringComparison.OrdinalIgnoreCase)
            || w.Contains("exchange_", StringComparison.Ordinal)) ?? "";
        return $"{verb} {table.Trim('"')}".TrimEnd();
    }
}

internal sealed record ProfileEntry(string What, int Count, double TotalMs, double MeanMs);
