using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>
/// Request steps as the request stream orders them: by the commit that stored them (ADR 0027), not by their moment,
/// which for a partner's step is the partner's and may lie well before the outbox delivered it.
/// </summary>
internal sealed class RequestStepFeed : IStreamFeed
{
    public const string FeedName = "request-steps";

    public RequestStepFeed(ChangeFeed<RequestChanged> changes, StreamFeedWake wake) => changes.Changed += _ => wake.Notify();

    public string Name => FeedName;

    public async Task<IReadOnlyList<Guid>> WaitingAsync(SenningenDbContext db, int max, CancellationToken ct) =>
        await db.RequestEvents.Where(e => e.FeedPosition == null).OrderBy(e => e.At).Select(e => e.Id).Take(max).ToListAsync(ct);

    public Task<int> AssignAsync(SenningenDbContext db, Guid id, long position, CancellationToken ct) =>
        db.RequestEvents.Where(e => e.Id == id && e.FeedPosition == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.FeedPosition, position), ct);

    public async Task<DateTimeOffset?> StampAtAsync(SenningenDbContext db, long position, CancellationToken ct) =>
        await db.RequestEvents.Where(e => e.FeedPosition == position).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);

    public Task<long?> FirstSinceAsync(SenningenDbContext db, DateTimeOffset since, CancellationToken ct) =>
        db.RequestEvents.Where(e => e.At >= since && e.FeedPosition > 0).MinAsync(e => e.FeedPosition, ct);
}
