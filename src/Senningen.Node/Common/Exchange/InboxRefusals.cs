using System.Globalization;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>How many envelopes nobody can be held to (unknown sender, bad signature) one caller address may have refused per window.</summary>
public sealed record InboxRefusalLimits(int PerWindow, TimeSpan Window)
{
    public const string SectionName = "Senningen:Exchange";

    public static InboxRefusalLimits Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var limits = new InboxRefusalLimits((int)values.Number("RefusalsPerWindow", 100, 1, 1_000_000), values.Duration("RefusalWindow", TimeSpan.FromMinutes(1)));
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : limits;
    }
}

/// <summary>
/// Refusals of envelopes that cannot be attributed to anyone, per caller address and fixed window. Anybody can make
/// such envelopes, so each costs a signed receipt but not each an entry in the chained audit log: the first of a window
/// is audited as it happens, the others are counted (and in the metrics) and summarised in one entry when the window
/// ends. Once an address has used its window's allowance, the inbox's rate limiter answers it 429 before reading or
/// verifying anything (<see cref="InboxRefusalPolicy"/>). A partner's authenticated refusals are audited one by one.
/// </summary>
public sealed partial class InboxRefusals(IServiceScopeFactory scopes, InboxRefusalLimits limits, NodeSettings settings, TimeProvider clock,
    ILogger<InboxRefusals> logger) : IHostedService, IDisposable
{
    // Beyond this many addresses in one window, all further ones share one count: spraying addresses does not grow memory.
    private const int MaxAddresses = 10_000;
    private const string Others = "other addresses";
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly List<(string Address, Window Window)> _ended = [];
    private readonly Lock _lock = new();
    private ITimer? _timer;

    /// <summary>
    /// True for the reasons that say nothing about who sent the envelope. A partner's signature over a connection whose
    /// certificate is not pinned for it (or revoked) may be a replay by whoever holds that certificate, so counts too.
    /// </summary>
    public static bool IsUnattributable(string reason) => reason is RejectionReasons.UnknownSender or RejectionReasons.BadSignature
        or RejectionReasons.CertificateNotPinned or RejectionReasons.CertificateRevoked;

    /// <summary>Counts one refusal; true when it is the window's first for the address, to be audited on its own.</summary>
    public bool Note(string? address, string claimedSender, string reason)
    {
        lock (_lock)
        {
            var window = Current(address ?? "?");
            window.Count++;
            if (window.Count == 1)
            {
                return true;
            }

            var key = $"{reason} (claimed {claimedSender})";
            window.Suppressed[key] = window.Suppressed.GetValueOrDefault(key) + 1;
            _timer ??= clock.CreateTimer(_ => _ = FlushAsync(CancellationToken.None), null, window.Ends - clock.GetUtcNow(), Timeout.InfiniteTimeSpan);
            return false;
        }
    }

    /// <summary>When the address may send again, or null while it is within its allowance.</summary>
    public TimeSpan? RetryAfter(string? address)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            return _windows.GetValueOrDefault(address ?? "?") is { } w && w.Ends > now && w.Count >= limits.PerWindow ? w.Ends - now : null;
        }
    }

    /// <summary>Writes one summary entry per address whose window has ended with refusals not audited one by one.</summary>
    public async Task FlushAsync(CancellationToken ct, bool all = false)
    {
        List<(string Address, Window Window)> ended;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            ended = [.. _ended, .. _windows.Where(w => all || w.Value.Ends <= now).Select(w => (w.Key, w.Value))];
            _ended.Clear();
            foreach (var (address, _) in ended)
            {
                _windows.Remove(address);
            }

            _timer?.Dispose();
            _timer = _windows.Values.Where(w => w.Suppressed.Count > 0).Select(w => w.Ends).Order().FirstOrDefault() is { } next && next != default
                ? clock.CreateTimer(_ => _ = FlushAsync(CancellationToken.None), null, next - now, Timeout.InfiniteTimeSpan)
                : null;
        }

        var summaries = ended.Where(e => e.Window.Suppressed.Count > 0).ToList();
        if (summaries.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            foreach (var (address, window) in summaries)
            {
                var counts = string.Join(", ", window.Suppressed.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} ×{s.Value}"));
                audit.Add(new AuditRecord(AuditActions.MessageRefused, AuditOutcomes.Denied, [$"address:{address}"],
                    Detail: string.Create(CultureInfo.InvariantCulture,
                        $"{window.Count - 1} more envelopes from {address} refused from {window.Starts:O} to {window.Ends:O}: {counts}")),
                    Actor.Node(settings));
            }

            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The counts are in the metrics already; a summary the database could not take is logged instead.
            LogSummaryFailed(logger, ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken, all: true);

    public void Dispose() => _timer?.Dispose();

    private Window Current(string address)
    {
        var now = clock.GetUtcNow();
        if (!_windows.TryGetValue(address, out var window) && _windows.Count >= MaxAddresses)
        {
            address = Others;
            window = _windows.GetValueOrDefault(address);
        }

        if (window is null || window.Ends <= now)
        {
            // An ended window with nothing to summarise is simply replaced; one with a summary waits for the timer's flush.
            if (window is { Suppressed.Count: > 0 })
            {
                _ended.Add((address, window));
            }

            window = new Window(now, now + limits.Window);
            _windows[address] = window;
        }

        return window;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The summary of refused envelopes could not be written to the audit log")]
    private static partial void LogSummaryFailed(ILogger logger, Exception exception);

    private sealed class Window(DateTimeOffset starts, DateTimeOffset ends)
    {
        public DateTimeOffset Starts { get; } = starts;

        public DateTimeOffset Ends { get; } = ends;

        public int Count { get; set; }

        public Dictionary<string, int> Suppressed { get; } = new(StringComparer.Ordinal);
    }
}
