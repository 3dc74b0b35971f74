using System.Globalization;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// TLS certificates refused between nodes (not pinned, revoked, not from the federation CA), in either direction. A
/// misconfigured or renewed partner is refused on every connection attempt, so, as with <see cref="InboxRefusals"/>, the
/// first refusal of a kind in a window is audited at once and the rest are counted (and in the metrics) and summarised in
/// one entry when the window ends. The Exchange page shows the last one per partner.
/// </summary>
public sealed partial class TransportRefusals(IServiceScopeFactory scopes, InboxRefusalLimits limits, NodeSettings settings, ExchangeMetrics metrics,
    TimeProvider clock, ILogger<TransportRefusals> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private ITimer? _timer;

    /// <summary>
    /// Counts one refusal. <paramref name="direction"/> is "sending" (the partner's server) or "receiving" (its client).
    /// An envelope refused for its connection's certificate is audited by <see cref="InboxRefusals"/> instead
    /// (<paramref name="audit"/> false): one window, one entry, whichever way it was noticed.
    /// </summary>
    public void Note(string partner, string direction, string reason, string certificate, bool audit = true)
    {
        metrics.TransportRefused(partner, direction, reason);
        var detail = $"{direction}: TLS certificate of {partner} refused ({reason}): {certificate}";
        bool first;
        lock (_lock)
        {
            _last[$"{partner} {direction}"] = reason;
            if (!audit)
            {
                return;
            }

            var key = $"{partner} {direction} {reason}";
            var now = clock.GetUtcNow();
            if (!_windows.TryGetValue(key, out var window) || window.Ends <= now)
            {
                window = new Window(now + limits.Window, detail);
                _windows[key] = window;
                _timer ??= clock.CreateTimer(_ => _ = FlushAsync(CancellationToken.None), null, limits.Window, limits.Window);
            }

            window.Count++;
            first = window.Count == 1;
        }

        if (first)
        {
            _ = WriteAsync([detail], CancellationToken.None);
        }
    }

    /// <summary>The last reason a partner's certificate was refused in one direction ("?" for callers refused at the handshake).</summary>
    public string? Last(string partner, string direction)
    {
        lock (_lock)
        {
            return _last.GetValueOrDefault($"{partner} {direction}");
        }
    }

    public async Task FlushAsync(CancellationToken ct, bool all = false)
    {
        List<string> summaries;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var ended = _windows.Where(w => all || w.Value.Ends <= now).ToList();
            foreach (var (key, _) in ended)
            {
                _windows.Remove(key);
            }

            summaries = [.. ended.Where(w => w.Value.Count > 1).Select(w => string.Create(CultureInfo.InvariantCulture,
                $"{w.Value.Count - 1} more like this in the window to {w.Value.Ends:O}: {w.Value.Detail}"))];
        }

        await WriteAsync(summaries, ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken, all: true);

    public void Dispose() => _timer?.Dispose();

    private async Task WriteAsync(List<string> details, CancellationToken ct)
    {
        if (details.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            foreach (var detail in details)
            {
                audit.Add(new AuditRecord(AuditActions.TransportRefused, AuditOutcomes.Denied, [], Detail: detail), Actor.Node(settings));
            }

            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Counted in the metrics already; what the database could not take is logged instead.
            LogAuditFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A refused TLS certificate could not be written to the audit log")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception);

    private sealed class Window(DateTimeOffset ends, string detail)
    {
        public DateTimeOffset Ends { get; } = ends;

        public string Detail { get; } = detail;

        public int Count { get; set; }
    }
}
