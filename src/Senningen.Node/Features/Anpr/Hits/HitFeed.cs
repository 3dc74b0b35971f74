using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Public;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>Hits as the hit stream orders them: by the commit that stored them (ADR 0027).</summary>
internal sealed class HitFeed : IStreamFeed
{
    public const string FeedName = "anpr-hits";

    public HitFeed(ChangeFeed<HitsChanged> changes, StreamFeedWake wake) => changes.Changed += _ => wake.Notify();

    public string Name => FeedName;

    public async Task<IReadOnlyList<Guid>> WaitingAsync(SenningenDbContext db, int max, CancellationToken ct) =>
        await db.AnprHits.Where(h => h.FeedPosition == null).OrderBy(h => h.ReceivedAt).Select(h => h.Id).Take(max).ToListAsync(ct);

    public Task<int> AssignAsync(SenningenDbContext db, Guid id, long position, CancellationToken ct) =>
        db.AnprHits.Where(h => h.Id == id && h.FeedPosition == null).ExecuteUpdateAsync(s => s.SetProperty(h => h.FeedPosition, position), ct);

    public async Task<DateTimeOffset?> StampAtAsync(SenningenDbContext db, long position, CancellationToken ct) =>
        await db.AnprHits.Where(h => h.FeedPosition == position).Select(h => (DateTimeOffset?)h.ReceivedAt).FirstOrDefaultAsync(ct);

    public Task<long?> FirstSinceAsync(SenningenDbContext db, DateTimeOffset since, CancellationToken ct) =>
        db.AnprHits.Where(h => h.ReceivedAt >= since && h.FeedPosition > 0).MinAsync(h => h.FeedPosition, ct);
}
