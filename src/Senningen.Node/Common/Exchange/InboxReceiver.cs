using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Receives one envelope: checks it, stores it once (deduplicated by id) with its audit entry, and answers with a
/// signed receipt. A second delivery of the same envelope gets the first receipt and has no second effect.
/// </summary>
public sealed class InboxReceiver(SenningenDbContext db, AuditLog audit, NodeSigningKey key, PartnerLinks links, MessageContracts contracts,
    NodeSettings settings, ExchangeMetrics metrics, DispatchSignal signal, TimeProvider clock)
{
    public async Task<ReceiptWire> ReceiveAsync(EnvelopeWire wire, X509Certificate2? clientCertificate, CancellationToken ct)
    {
        var now = WireMapping.Truncate(clock.GetUtcNow());
        var incoming = WireMapping.ToSigned(wire);
        var rules = new TimeRules(settings.Exchange.ClockSkew, settings.Exchange.MaxLifetime);
        var reason = incoming is null
            ? RejectionReasons.UnknownSender
            : EnvelopeInspection.Check(incoming, links.Trust, settings.Country, now, rules) ?? TransportCheck(incoming, clientCertificate);
        object? payload = null;
        if (reason is null && (wire.Case is { Length: > 100 } || wire.Type.Length > 100 || wire.Sequence < 1))
        {
            reason = RejectionReasons.InvalidPayload;
        }

        if (reason is null)
        {
            (payload, reason) = contracts.Read(wire.Type, wire.Version, wire.Payload);
        }

        var hash = incoming is null ? "" : CanonicalForm.Hash(incoming.Envelope);
        if (reason is not null || payload is null)
        {
            return await RefuseAsync(wire, reason ?? RejectionReasons.InvalidPayload, hash, now, ct);
        }

        var existing = await db.Inbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == wire.Id, ct);
        if (existing is not null)
        {
            return await RepeatAsync(existing, wire, hash, now, ct);
        }

        var receipt = Sign(new Receipt(wire.Id, settings.Country, incoming!.Envelope.Sender, ReceiptStatus.Accepted, null, now, hash));
        db.Inbox.Add(ToRow(incoming, hash, now, receipt));
        audit.Add(Record(AuditActions.MessageReceived, AuditOutcomes.Success, wire, $"{wire.Type} v{wire.Version} from {wire.Sender}"), Actor.Node(settings));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same envelope may have arrived twice at once, and the other request stored it first.
            db.ChangeTracker.Clear();
            var raced = await db.Inbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == wire.Id, ct);
            if (raced is null)
            {
                throw;
            }

            return await RepeatAsync(raced, wire, hash, now, ct);
        }

        metrics.Received(wire.Sender, wire.Type);
        signal.InboxChanged();
        return receipt;
    }

    private async Task<ReceiptWire> RepeatAsync(InboxMessage existing, EnvelopeWire wire, string hash, DateTimeOffset now, CancellationToken ct)
    {
        if (!string.Equals(existing.EnvelopeHash, hash, StringComparison.Ordinal))
        {
            return await RefuseAsync(wire, RejectionReasons.IdReused, hash, now, ct);
        }

        await audit.WriteAsync(Record(AuditActions.MessageDuplicate, AuditOutcomes.Success, wire, "delivered again; answered with the first receipt"),
            Actor.Node(settings), ct);
        return JsonSerializer.Deserialize<ReceiptWire>(existing.Receipt, WireMapping.Json)!;
    }

    private async Task<ReceiptWire> RefuseAsync(EnvelopeWire wire, string reason, string hash, DateTimeOffset now, CancellationToken ct)
    {
        var sender = CountryCode.ParseOrDefault(wire.Sender);
        metrics.Refused(sender.IsValid ? sender.Value : "?", reason);
        await audit.WriteAsync(Record(AuditActions.MessageRefused, AuditOutcomes.Denied, wire,
            $"{Clip(wire.Type)} v{wire.Version} claimed from {Clip(wire.Sender)}: {reason}"), Actor.Node(settings), ct);
        return Sign(new Receipt(wire.Id, settings.Country, sender, ReceiptStatus.Rejected, reason, now, hash));
    }

    // With mutual TLS, a partner that registered its certificate must present that very certificate.
    private string? TransportCheck(SignedEnvelope incoming, X509Certificate2? certificate)
    {
        var partner = settings.Partners.First(p => p.Country == incoming.Envelope.Sender);
        if (partner.CertificateThumbprint is not { Length: > 0 } expected)
        {
            return null;
        }

        return certificate is not null && string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
            expected.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            ? null
            : RejectionReasons.UnknownSender;
    }

    private ReceiptWire Sign(Receipt receipt) =>
        WireMapping.ToWire(new SignedReceipt(receipt, key.KeyId, Es256.Sign(key.Key, CanonicalForm.Of(receipt))));

    private static InboxMessage ToRow(SignedEnvelope incoming, string hash, DateTimeOffset now, ReceiptWire receipt)
    {
        var e = incoming.Envelope;
        return new InboxMessage
        {
            Id = e.Id,
            Sender = e.Sender.Value,
            ConversationId = e.ConversationId,
            Sequence = e.Sequence,
            Type = e.Type,
            Version = e.Version,
            CreatedAtMs = e.CreatedAt.ToUnixTimeMilliseconds(),
            ExpiresAtMs = e.ExpiresAt.ToUnixTimeMilliseconds(),
            CaseReference = e.CaseReference,
            Payload = e.Payload,
            KeyId = incoming.KeyId,
            Signature = incoming.Signature,
            EnvelopeHash = hash,
            ReceivedAtMs = now.ToUnixTimeMilliseconds(),
            Receipt = JsonSerializer.Serialize(receipt, WireMapping.Json),
            Status = InboxStatus.Accepted,
            NextHandleAtMs = now.ToUnixTimeMilliseconds(),
        };
    }

    private static AuditRecord Record(string action, string outcome, EnvelopeWire wire, string detail) =>
        new(action, outcome, [$"message:{wire.Id}"], CaseReference: Clip(wire.Case), Detail: detail);

    private static string? Clip(string? text) => text is { Length: > 100 } ? text[..100] : text;
}
