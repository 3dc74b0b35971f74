using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>Alerts as the control rooms' stream orders them: by the commit of their receipt (ADR 0027).</summary>
internal sealed class ReceivedAlertFeed : IStreamFeed
{
    public const string FeedName = "alerts";

    public ReceivedAlertFeed(ChangeFeed<OperationsChange> changes, StreamFeedWake wake) => changes.Changed += c =>
    {
        if (c.Alerts)
        {
            wake.Notify();
        }
    };

    public string Name => FeedName;

    public async Task<IReadOnlyList<Guid>> WaitingAsync(SenningenDbContext db, int max, CancellationToken ct) =>
        await db.Alerts.Where(a => a.FeedPosition == null).OrderBy(a => a.ReceivedAt).Select(a => a.Id).Take(max).ToListAsync(ct);

    public Task<int> AssignAsync(SenningenDbContext db, Guid id, long position, CancellationToken ct) =>
        db.Alerts.Where(a => a.Id == id && a.FeedPosition == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.FeedPosition, position), ct);

    public async Task<DateTimeOffset?> StampAtAsync(SenningenDbContext db, long position, CancellationToken ct) =>
        await db.Alerts.Where(a => a.FeedPosition == position).Select(a => (DateTimeOffset?)a.ReceivedAt).FirstOrDefaultAsync(ct);

    public Task<long?> FirstSinceAsync(SenningenDbContext db, DateTimeOffset since, CancellationToken ct) =>
        db.Alerts.Where(a => a.ReceivedAt >= since && a.FeedPosition > 0).MinAsync(a => a.FeedPosition, ct);
}

/// <summary>Alerts as the national desk's stream orders them: by the commit of their escalation (ADR 0027).</summary>
internal sealed class EscalatedAlertFeed : IStreamFeed
{
    public const string FeedName = "alerts-escalated";

    public EscalatedAlertFeed(ChangeFeed<OperationsChange> changes, StreamFeedWake wake) => changes.Changed += c =>
    {
        if (c.Alerts)
        {
            wake.Notify();
        }
    };

    public string Name => FeedName;

    public async Task<IReadOnlyList<Guid>> WaitingAsync(SenningenDbContext db, int max, CancellationToken ct) =>
        await db.Alerts.Where(a => a.Escalated && a.EscalatedAt != null && a.EscalationFeedPosition == null).OrderBy(a => a.EscalatedAt)
            .Select(a => a.Id).Take(max).ToListAsync(ct);

    public Task<int> AssignAsync(SenningenDbContext db, Guid id, long position, CancellationToken ct) =>
        db.Alerts.Where(a => a.Id == id && a.EscalationFeedPosition == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.EscalationFeedPosition, position), ct);

    public async Task<DateTimeOffset?> StampAtAsync(SenningenDbContext db, long position, CancellationToken ct) =>
        await db.Alerts.Where(a => a.EscalationFeedPosition == position).Select(a => a.EscalatedAt).FirstOrDefaultAsync(ct);

    public Task<long?> FirstSinceAsync(SenningenDbContext db, DateTimeOffset since, CancellationToken ct) =>
        db.Alerts.Where(a => a.EscalatedAt >= since && a.EscalationFeedPosition > 0).MinAsync(a => a.EscalationFeedPosition, ct);
}
