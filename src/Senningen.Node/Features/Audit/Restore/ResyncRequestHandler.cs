using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Audit.Witness.Data;

namespace Senningen.Node.Features.Audit.Restore;

/// <summary>
/// Partner side of <c>exchange.resync-request</c>: the messages this node had receipted by the restored partner since the
/// instant it names, and not yet expired, go back into the outbox as they are (same id, same signature), due at their
/// original times so they leave in their original order. The restored node stores each once more; one it still holds
/// is answered with its first receipt. Bounded: at most <see cref="MaxResend"/> per request and one request per
/// partner per <see cref="MinInterval"/>; audited here with the count and the window, and answered with the head held.
/// </summary>
internal sealed class ResyncRequestHandler(AuditLog audit, Outbox outbox, NodeSettings settings, TimeProvider clock) : IMessageHandler<ResyncRequestPayload>
{
    public const int MaxResend = 10_000;
    public const string TooSoon = "too-soon";
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);

    public async Task HandleAsync(InboxMessage message, ResyncRequestPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var now = UnixMillisecondsConverter.Truncate(clock.GetUtcNow());
        var partner = message.Sender;
        var recent = message.ReceivedAt - MinInterval;
        var repeated = await db.Inbox.AsNoTracking().AnyAsync(m => m.Sender == partner && m.Type == ResyncRequestPayload.Type && m.Id != message.Id
            && m.ReceivedAt > recent && m.ReceivedAt <= message.ReceivedAt && m.Status == InboxStatus.Handled, cancellationToken);
        // A receipt's time is the sender's clock, the restored node's backup time its own: the skew widens the window.
        var from = p.Since - settings.Exchange.ClockSkew;
        var matching = db.Outbox.Where(m => m.Recipient == partner && m.Status == OutboxStatus.Receipted && m.CompletedAt >= from && m.ExpiresAt > now
            && m.Type != ResyncRequestPayload.Type && m.Type != ResyncAnswerPayload.Type);
        var total = repeated ? 0 : await matching.CountAsync(cancellationToken);
        var rows = repeated ? [] : await matching.OrderBy(m => m.CreatedAt).Take(MaxResend).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Status = OutboxStatus.Queued;
            row.NextAttemptAt = row.CreatedAt;
            row.Attempts = 0;
            row.CompletedAt = null;
            row.ClaimedBy = null;
            row.ClaimedUntil = null;
            row.LastError = $"sent again: {partner} was restored from a backup (request {message.Id})";
        }

        var held = await db.WitnessedHeads.AsNoTracking().Where(h => h.Country == partner).OrderByDescending(h => h.Size)
            .ThenByDescending(h => h.Timestamp).FirstOrDefaultAsync(cancellationToken);
        var heldHead = held is null ? null
            : new SignedTreeHead(held.Country.Value, held.Size, held.RootHash, held.Timestamp, held.KeyId, held.Signature);
        var node = Actor.Node(settings);
        audit.Add(new AuditRecord(AuditActions.ExchangeResyncHonoured, repeated ? AuditOutcomes.Denied : AuditOutcomes.Success, [$"message:{message.Id}"],
            Recipient: partner.Value, Detail: repeated
                ? $"{partner} asked again within {MinInterval.TotalMinutes:0} min: nothing sent again"
                : $"{partner} restored (log of {p.LogSize} entries): {rows.Count} messages receipted since {from:O} sent again, {total - rows.Count} beyond the bound of {MaxResend}; head held {heldHead?.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}"),
            node);
        await outbox.EnqueueAsync(partner, ResyncAnswerPayload.Type, 1,
            new ResyncAnswerPayload(p.Since, rows.Count, total - rows.Count, repeated ? TooSoon : null, heldHead),
            message.ConversationId, actor: node, cancellationToken: cancellationToken);
    }
}
