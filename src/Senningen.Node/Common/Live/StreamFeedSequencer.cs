using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Live;

/// <summary>
/// Gives committed rows of every <see cref="IStreamFeed"/> their position, in commit order (ADR 0027): one instance at a
/// time (<see cref="InstanceLeadership"/>), it takes a feed's rows without a position, numbers them on from the feed's
/// <see cref="StreamFeedHead"/> and moves the head, in one transaction. Every such transaction updates the head row
/// under its concurrency token, so they commit one after another and a position is visible only once every lower one
/// is: a stream that has read up to X never sees a row at or below X appear later, however late the row's own
/// transaction committed. Woken by the capabilities' change feeds, it also looks every <see cref="LookEvery"/>.
/// </summary>
internal sealed partial class StreamFeedSequencer(IServiceScopeFactory scopes, InstanceLeadership leadership, IEnumerable<IStreamFeed> feeds,
    StreamFeedWake wake, ChangeFeed<StreamFeedAdvanced> advanced, ILogger<StreamFeedSequencer> logger) : BackgroundService
{
    public const string Role = "stream-feed-sequencer";

    // Bounds one transaction; a backlog is taken in several.
    public const int BatchSize = 1_000;

    /// <summary>The safety net for a wake-up lost while the backplane reconnected.</summary>
    public static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(1);

    private readonly IStreamFeed[] _feeds = [.. feeds];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunWhileLeadingAsync(Role, LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var more = false;
            foreach (var feed in _feeds)
            {
                try
                {
                    more |= await PositionAsync(feed, ct) == BatchSize;
                }
                catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException && !ct.IsCancellationRequested)
                {
                    // A store that went away, or another instance that briefly led too (the head refused our save): next round.
                    LogPositioningFailed(logger, feed.Name, e);
                }
            }

            if (!more)
            {
                // Real time, not the injected clock: a test that stops its clock must not stop the streams.
                await wake.WaitAsync(LookEvery, ct);
            }
        }
    }

    /// <summary>Gives the waiting rows of <paramref name="feed"/> (up to a batch) their positions; returns how many.</summary>
    private async Task<int> PositionAsync(IStreamFeed feed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var waiting = await feed.WaitingAsync(db, BatchSize, ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var head = await db.StreamFeedHeads.FindAsync([feed.Name], ct);
        if (head is null)
        {
            head = new StreamFeedHead { Feed = feed.Name };
            db.StreamFeedHeads.Add(head);
        }

        var first = head.Position + 1;
        head.Position += waiting.Count;
        await db.SaveChangesAsync(async c =>
        {
            for (var i = 0; i < waiting.Count; i++)
            {
                if (await feed.AssignAsync(db, waiting[i], first + i, c) != 1)
                {
                    throw new InvalidOperationException($"A row of feed {feed.Name} got its position from another sequencer.");
                }
            }

            return waiting.Count;
        }, ct);

        // After the commit: a stream that wakes now finds the positions.
        advanced.Publish(new StreamFeedAdvanced(feed.Name, head.Position));
        return waiting.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream-feed sequencer could not position the rows of {Feed}; it tries again")]
    private static partial void LogPositioningFailed(ILogger logger, string feed, Exception exception);
}
