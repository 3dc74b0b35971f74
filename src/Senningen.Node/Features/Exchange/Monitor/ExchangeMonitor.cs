using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Access;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Exchange.Public;

namespace Senningen.Node.Features.Exchange.Monitor;

/// <summary>What the Exchange page and <c>senn exchange status</c> show: the link to each partner and the messages.</summary>
public sealed class ExchangeMonitor(SenningenDbContext db, PartnerLinks links, NodeKeyRing keys, NodeSettings settings, AuditLog audit,
    NeedToKnowGuard guard, PayloadPrivacy privacy, Texts texts, PayloadProtection protection) : IExchangeStatus
{
    public async Task<ExchangeStatusView> StatusAsync(CancellationToken ct)
    {
        var queues = await db.Outbox.Where(m => m.Status == OutboxStatus.Queued)
            .GroupBy(m => m.Recipient)
            .Select(g => new { Partner = g.Key, Depth = g.Count(), Oldest = g.Min(m => m.CreatedAt) })
            .ToListAsync(ct);
        var alerts = await db.Outbox.CountAsync(m => ((m.Status == OutboxStatus.Expired || m.Status == OutboxStatus.Rejected) && !m.AlertAcknowledged)
                || m.Status == OutboxStatus.Parked, ct)
            + await db.Inbox.CountAsync(m => m.Status == InboxStatus.Parked, ct);
        var partners = links.All.Select(link =>
        {
            var queue = queues.FirstOrDefault(q => q.Partner == link.Partner.Country);
            return new PartnerLinkView(link.Partner.Country.Value, link.Partner.BaseUrl.ToString(), link.Partner.KeyId, queue?.Depth ?? 0,
                queue?.Oldest, link.LastSuccess, link.LastErrorAt, link.LastError,
                link.Circuit.ToString());
        }).OrderBy(p => p.Partner, StringComparer.Ordinal).ToList();
        return new ExchangeStatusView(settings.Country.Value, keys.Current.KeyId, partners, alerts);
    }

    /// <summary>The console's page by number (the monitor shows page numbers and the total).</summary>
    public async Task<ExchangeMessagePage> ListAsync(string direction, string? status, CountryCode? partner, int page, int pageSize, CancellationToken ct)
    {
        if (direction == "in")
        {
            var inbox = Inbox(status, partner);
            var total = await inbox.LongCountAsync(ct);
            var rows = await inbox.OrderByDescending(m => m.ReceivedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
            return new ExchangeMessagePage([.. rows.Select(ToView)], page, pageSize, total);
        }

        var outbox = Outbox(status, partner);
        var count = await outbox.LongCountAsync(ct);
        var messages = await outbox.OrderByDescending(m => m.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new ExchangeMessagePage([.. messages.Select(ToView)], page, pageSize, count);
    }

    /// <summary>
    /// The API's page: the messages after <paramref name="page"/>'s key, newest first by (received, id) in and (created,
    /// id) out, the row past its limit included for the pager, with the total the filter matches now. The inbox's view
    /// shows the sender's time, not the receipt that orders it, so the page names its own end.
    /// <paramref name="skip"/> serves the deprecated <c>page</c> on a first page; the next link then continues by cursor.
    /// </summary>
    public async Task<ExchangeMessagePage> ListAsync(string direction, string? status, CountryCode? partner, PageRequest page, int skip,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        var number = page.After is null ? skip / page.Limit + 1 : 0;
        if (direction == "in")
        {
            var inbox = Inbox(status, partner);
            var total = await inbox.LongCountAsync(ct);
            var rows = await inbox.SkipThenPageBy(page, skip, m => m.ReceivedAt, m => m.Id).ToListAsync(ct);
            EndsAt(page, rows, m => Keyset.Of(m.ReceivedAt, m.Id));
            return new ExchangeMessagePage([.. rows.Select(ToView)], number, page.Limit, total);
        }

        var outbox = Outbox(status, partner);
        var count = await outbox.LongCountAsync(ct);
        var messages = await outbox.SkipThenPageBy(page, skip, m => m.CreatedAt, m => m.Id).ToListAsync(ct);
        EndsAt(page, messages, m => Keyset.Of(m.CreatedAt, m.Id));
        return new ExchangeMessagePage([.. messages.Select(ToView)], number, page.Limit, count);
    }

    private static void EndsAt<T>(PageRequest page, List<T> rows, Func<T, PageKey> keyOf)
    {
        if (rows.Count > page.Limit)
        {
            page.EndsAt(keyOf(rows[page.Limit - 1]));
        }
    }

    private IQueryable<InboxMessage> Inbox(string? status, CountryCode? partner)
    {
        var inbox = db.Inbox.AsNoTracking();
        if (partner is { } sender)
        {
            inbox = inbox.Where(m => m.Sender == sender);
        }

        if (status is not null && Enum.TryParse<InboxStatus>(status, ignoreCase: true, out var inStatus))
        {
            inbox = inbox.Where(m => m.Status == inStatus);
        }

        return inbox;
    }

    private IQueryable<OutboxMessage> Outbox(string? status, CountryCode? partner)
    {
        var outbox = db.Outbox.AsNoTracking();
        if (partner is { } recipient)
        {
            outbox = outbox.Where(m => m.Recipient == recipient);
        }

        if (status is not null && Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var outStatus))
        {
            outbox = outbox.Where(m => m.Status == outStatus);
        }

        return outbox;
    }

    /// <summary>
    /// One message with its envelope and receipt, or null; opening it is audited once in the current officer's name. A payload
    /// with personal data is shown only to whom the business page would show it (need to know); to anyone else it is replaced
    /// by a marker, and the envelope's metadata, signature and receipt stay as they are.
    /// </summary>
    public async Task<ExchangeMessageDetail?> OpenAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } detail)
        {
            return null;
        }

        // The stored payload is ciphertext (ADR 0029); this node holds a key to every copy it keeps, sent or received.
        if (protection.OpenStored(id, detail.Envelope.Payload) is { } plaintext)
        {
            detail = detail with { Envelope = detail.Envelope with { Payload = plaintext } };
        }

        var personal = PayloadPrivacy.IsPersonal(detail.Message.Type);
        var redact = personal
            && !guard.Allows(Capability.ExchangePayloads, AccessKind.Read, privacy.OwnerOf(detail.Envelope.Payload));
        if (redact)
        {
            detail = detail with { Envelope = detail.Envelope with { Payload = texts["exchange.payload-redacted"] }, PayloadRedacted = true };
        }

        // A payload shown is a disclosure like any other; a redacted one still tells the DPO who looked at which message.
        var shown = redact ? "payload redacted (need to know)" : personal ? "personal payload shown" : "payload shown";
        await audit.WriteAsync(new AuditRecord(AuditActions.MessageRead, AuditOutcomes.Success, [$"message:{id}"],
            CaseReference: detail.Message.CaseReference, Detail: $"{detail.Message.Direction} {detail.Message.Type}; {shown}"), cancellationToken: ct);
        return detail;
    }

    public async Task<ExchangeMessageDetail?> FindAsync(Guid id, CancellationToken ct)
    {
        if (await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } sent)
        {
            return new ExchangeMessageDetail(ToView(sent), WireMapping.ToWire(sent, settings.Country),
                sent.Receipt is null ? null : JsonSerializer.Deserialize<ReceiptWire>(sent.Receipt, WireMapping.Json));
        }

        if (await db.Inbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } received)
        {
            return new ExchangeMessageDetail(ToView(received), WireMapping.ToWire(received, settings.Country),
                JsonSerializer.Deserialize<ReceiptWire>(received.Receipt, WireMapping.Json));
        }

        return null;
    }

    public static ExchangeMessageView ToView(OutboxMessage m) => new(m.Id, "out", m.Recipient.Value, m.Type, m.Version, m.ConversationId, m.Sequence,
        m.CaseReference, m.Status.ToString().ToLowerInvariant(), m.CreatedAt, m.ExpiresAt, m.Attempts, m.LastError, m.CompletedAt);

    public static ExchangeMessageView ToView(InboxMessage m) => new(m.Id, "in", m.Sender.Value, m.Type, m.Version, m.ConversationId, m.Sequence,
        m.CaseReference, m.Status.ToString().ToLowerInvariant(), m.CreatedAt, m.ExpiresAt, m.HandleAttempts, m.LastError, m.HandledAt);
}
