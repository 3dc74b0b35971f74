using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Live;

/// <summary>
/// One capability's rows as a stream orders them (ADR 0027): each committed row gets the feed's next position from
/// <see cref="StreamFeedSequencer"/>, and streams read only positions given. A singleton; its constructor tells
/// <see cref="StreamFeedWake"/> when the capability stored rows, so that they get their position at once.
/// </summary>
public interface IStreamFeed
{
    /// <summary>The feed's name, also its row in <c>live_feed_heads</c> (<c>anpr-hits</c>).</summary>
    string Name { get; }

    /// <summary>At most <paramref name="max"/> committed rows still without a position, oldest stamp first.</summary>
    Task<IReadOnlyList<Guid>> WaitingAsync(SenningenDbContext db, int max, CancellationToken ct);

    /// <summary>Gives <paramref name="id"/> its position if it has none yet; the rows written (1, or 0 if it had one).</summary>
    Task<int> AssignAsync(SenningenDbContext db, Guid id, long position, CancellationToken ct);

    /// <summary>The stamp of the row at <paramref name="position"/> (when it was stored, or escalated), if it still exists.</summary>
    Task<DateTimeOffset?> StampAtAsync(SenningenDbContext db, long position, CancellationToken ct);

    /// <summary>The lowest position among the rows stamped at or after <paramref name="since"/>, if any.</summary>
    Task<long?> FirstSinceAsync(SenningenDbContext db, DateTimeOffset since, CancellationToken ct);
}

/// <summary>Feeds that gave positions, told to every instance's streams through the backplane.</summary>
public readonly record struct StreamFeedAdvanced(string Feed, long Position);
