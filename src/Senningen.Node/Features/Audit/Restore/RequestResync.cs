using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Tree;

namespace Senningen.Node.Features.Audit.Restore;

/// <summary>
/// After a restore, asks every partner to deliver again what this node receipted after the backup and lost with it (the
/// sender holds the receipt, so it believes them delivered), and to say which head of this log it holds. Without an
/// instant, each partner is asked from the last message this node still holds from it: that is where the backup ends.
/// </summary>
public sealed class RequestResync(SenningenDbContext db, Outbox outbox, AuditLog audit, AuditTree tree, NodeSettings settings, TimeProvider clock)
{
    public async Task<ResyncRequested> RunAsync(DateTimeOffset? since, Actor? actor, CancellationToken ct)
    {
        var size = await db.AuditEntries.LongCountAsync(e => e.LeafIndex != null, ct);
        var head = await tree.LatestHeadAsync(ct);
        var oldest = clock.GetUtcNow() - settings.Exchange.MaxLifetime;
        var sent = new List<ResyncSent>();
        foreach (var partner in settings.Partners.Select(p => p.Country).OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var from = since ?? await db.Inbox.AsNoTracking().Where(m => m.Sender == partner).OrderByDescending(m => m.ReceivedAt)
                .Select(m => (DateTimeOffset?)m.ReceivedAt).FirstOrDefaultAsync(ct) ?? oldest;
            var message = await outbox.EnqueueAsync(partner, ResyncRequestPayload.Type, 1,
                new ResyncRequestPayload(from, size, head?.Size == size ? head.RootHash : null), actor: actor, cancellationToken: ct);
            sent.Add(new ResyncSent(partner.Value, from, message.Id));
        }

        audit.Add(new AuditRecord(AuditActions.ExchangeResyncRequested, AuditOutcomes.Success, [.. sent.Select(s => $"message:{s.MessageId}")],
            Detail: $"restored log of {size} entries; asked {(sent.Count == 0 ? "nobody" : string.Join(", ", sent.Select(s => $"{s.Partner} from {s.Since:O}")))}"), actor);
        await db.SaveChangesAsync(ct);
        return new ResyncRequested(sent);
    }
}
