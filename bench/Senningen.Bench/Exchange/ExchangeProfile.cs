using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Senningen.Bench.Exchange;

/// <summary>
/// Where the time of a Senningen run goes, seen from inside the process without touching node code: every EF Core
/// command and commit (by node and statement), the inbox requests NL served, and the process's CPU.
/// </summary>
internal sealed class ExchangeProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, Totals> _totals = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly MeterListener _meters = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;

    private readonly Dictionary<string, string> _nodes;

    /// <param name="nodes">Each node's SQLite file, by node name.</param>
    public ExchangeProfile(Dictionary<string, string> nodes)
    {
        _nodes = nodes;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "http.server.request.duration" or "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, seconds, _, _) =>
            Add(instrument.Name == "http.server.request.duration" ? "NL http: inbox request served" : "BE http: inbox request sent", seconds * 1000));
        _meters.Start();
    }

    public IReadOnlyList<ProfileLine> Lines(double seconds) =>
        [.. _totals.OrderByDescending(t => t.Value.Ms).Select(t => new ProfileLine(t.Key, t.Value.Count, Math.Round(t.Value.Ms, 1),
            Math.Round(t.Value.Ms / Math.Max(1, t.Value.Count), 3), Math.Round(t.Value.Ms / 1000 / seconds, 3)))];

    public (double WallSeconds, double CpuSeconds) Elapsed() =>
        (Stopwatch.GetElapsedTime(_started).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - _cpuStarted).TotalSeconds);

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
                Add($"{Node(executed.Command.Connection)} sql: {Statement(executed.Command.CommandText)}", executed.Duration.TotalMilliseconds);
                break;
            case TransactionEndEventData ended when value.Key == RelationalEventId.TransactionCommitted.Name:
                Add($"{Node(ended.Context?.Database.GetDbConnection())} sql: COMMIT",
                    ended.Duration.TotalMilliseconds);
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

    private void Add(string key, double ms)
    {
        var totals = _totals.GetOrAdd(key, _ => new Totals());
        lock (totals)
        {
            totals.Count++;
            totals.Ms += ms;
        }
    }

    // SQLite connections are told apart by file, PostgreSQL ones (one server for both nodes) by database.
    private string Node(DbConnection? connection) =>
        connection is null ? "?"
            : _nodes.FirstOrDefault(n => (connection.DataSource ?? "").EndsWith(n.Value, StringComparison.Ordinal) || connection.Database == n.Value).Key ?? "?";

    // The statement's verb and table, enough to tell the claim, the inserts and the inbox processor's queries apart.
    private static string Statement(string sql)
    {
        var words = sql.Split((char[])[' ', '\n', '\r', '(', ','], StringSplitOptions.RemoveEmptyEntries);
        var verb = words.FirstOrDefault() ?? "";
        var table = words.FirstOrDefault(w => w.Contains("exchange_", StringComparison.Ordinal) || w.Contains("ops_", StringComparison.Ordinal)
            || w.Contains("audit", StringComparison.OrdinalIgnoreCase)) ?? "";
        var claim = sql.Contains("\"ClaimedBy\" = @", StringComparison.Ordinal) && verb == "UPDATE" && sql.Contains("RETURNING", StringComparison.Ordinal) ? " (claim)" : "";
        return $"{verb} {table.Trim('"')}{claim}".TrimEnd();
    }

    private sealed class Totals
    {
        public int Count;
        public double Ms;
    }
}

/// <summary>One profile line: how often, how long in all, per call, and as a share of one core over the run (busy/wall).</summary>
internal sealed record ProfileLine(string What, int Count, double TotalMs, double MeanMs, double BusyShare);
