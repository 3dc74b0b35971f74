using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Exchange.Monitor;

namespace Senningen.Node.Features.Exchange.Parking;

/// <summary>
/// The parked messages of both directions, oldest first, each with how many later messages of its conversation wait
/// behind it (<c>GET /api/v1/exchange/parked</c> and the Exchange page's "Parked" section).
/// </summary>
internal sealed class ParkedMessages(SenningenDbContext db)
{
    public const int Max = 200;

    public async Task<IReadOnlyList<ParkedMessageView>> ListAsync(CancellationToken ct)
    {
        var received = await db.Inbox.AsNoTracking().Where(m => m.Status == InboxStatus.Parked).OrderBy(m => m.ReceivedAt).Take(Max).ToListAsync(ct);
        var sent = await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Parked).OrderBy(m => m.CreatedAt).Take(Max).ToListAsync(ct);
        var views = new List<ParkedMessageView>(received.Count + sent.Count);
        foreach (var m in received)
        {
            views.Add(new ParkedMessageView(ExchangeMonitor.ToView(m), await db.Inbox.CountAsync(w => w.Sender == m.Sender
                && w.ConversationId == m.ConversationId && w.Sequence > m.Sequence && w.Status == InboxStatus.Accepted, ct)));
        }

        foreach (var m in sent)
        {
            views.Add(new ParkedMessageView(ExchangeMonitor.ToView(m), await db.Outbox.CountAsync(w => w.ConversationId == m.ConversationId
                && w.Sequence > m.Sequence && w.Status == OutboxStatus.Queued, ct)));
        }

        return [.. views.OrderBy(v => v.Message.CreatedAt)];
    }

    /// <summary>The message as it is now, in either direction.</summary>
    public static async Task<ExchangeMessageView?> ViewAsync(SenningenDbContext db, Guid id, CancellationToken ct) =>
        await db.Inbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } received ? ExchangeMonitor.ToView(received)
        : await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } sent ? ExchangeMonitor.ToView(sent)
        : null;

    /// <summary>
    /// Saves the tracked changes (audit entry, message to the sender) with <paramref name="update"/>, which must change exactly
    /// the one parked row: when another operator acted first it changes none, and nothing is saved.
    /// </summary>
    public static async Task<ParkingOutcome> SaveAsync(SenningenDbContext db, Func<CancellationToken, Task<int>> update, Action wake, Guid id,
        CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(async token => await update(token) == 1 ? 1 : throw new ParkingOutcome.NoLongerParkedException(), ct);
        }
        catch (ParkingOutcome.NoLongerParkedException)
        {
            db.ChangeTracker.Clear();
            return new ParkingOutcome(ParkingResult.NotParked, Status: (await ViewAsync(db, id, ct))?.Status);
        }

        wake();
        return new ParkingOutcome(ParkingResult.Done, await ViewAsync(db, id, ct));
    }
}
