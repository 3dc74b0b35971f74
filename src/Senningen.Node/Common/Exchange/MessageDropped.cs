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
/// <c>exchange.dropped</c> v1, receiver → sender: a message the receiver accepted, could not handle and gave up. It
/// carries the receiver's signed rejection of that very envelope (quoting its hash), so the sender holds the same proof
/// as for a refusal on receipt, and the operator's reason.
/// </summary>
public sealed record MessageDroppedPayload(ReceiptWire Rejection, string Reason) : IValidatedPayload
{
    public const string Type = "exchange.dropped";

    public IEnumerable<string> Problems()
    {
        if (Rejection is null || string.IsNullOrWhiteSpace(Reason) || Reason.Length > 500)
        {
            yield return "rejection and a reason of at most 500 characters are required";
        }
    }
}

/// <summary>
/// Sender side: the message becomes rejected, with the partner's signed rejection as its receipt, audited and shown as
/// an alert. Only a rejection the partner verifiably signed, of a message this node sent it, is taken.
/// </summary>
internal sealed class MessageDroppedHandler(PartnerLinks links, AuditLog audit, NodeSettings settings, TimeProvider clock)
    : IMessageHandler<MessageDroppedPayload>, IMessageAdmission<MessageDroppedPayload>
{
    public async ValueTask<string?> RefusalAsync(CountryCode sender, MessageDroppedPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(sender, payload, db, cancellationToken) is null ? RejectionReasons.InvalidPayload : null;

    public async Task HandleAsync(InboxMessage message, MessageDroppedPayload payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(message.Sender, payload, db, cancellationToken) is not { } original)
        {
            throw new InvalidOperationException($"{message.Sender} dropped a message this node did not send it, or signed the rejection with another key.");
        }

        original.Status = OutboxStatus.Rejected;
        original.Receipt = JsonSerializer.Serialize(payload.Rejection, WireMapping.Json);
        original.LastError = $"{RejectionReasons.DroppedByOperator}: {payload.Reason}";
        original.CompletedAt = WireMapping.Truncate(clock.GetUtcNow());
        original.AlertAcknowledged = false;
        audit.Add(new AuditRecord(AuditActions.MessageRejected, AuditOutcomes.Failed, [$"message:{original.Id}"], CaseReference: original.CaseReference,
            Recipient: original.Recipient.Value, Detail: $"{original.Type}: {original.LastError}"), Actor.Node(settings));
    }

    private async Task<OutboxMessage?> FindAsync(CountryCode sender, MessageDroppedPayload payload, SenningenDbContext db, CancellationToken ct)
    {
        var original = await db.Outbox.FirstOrDefaultAsync(m => m.Id == payload.Rejection.MessageId && m.Recipient == sender, ct);
        return original is not null && links.Find(sender) is { } link && WireMapping.ToSigned(payload.Rejection) is { } signed
            && signed.Receipt.Status == ReceiptStatus.Rejected && signed.Receipt.Receiver == sender && signed.Receipt.Sender == settings.Country
            && string.Equals(signed.KeyId, link.Partner.KeyId, StringComparison.Ordinal)
            && string.Equals(signed.Receipt.EnvelopeHash, CanonicalForm.Hash(WireMapping.ToEnvelope(original, settings.Country)), StringComparison.Ordinal)
            && Es256.Verify(link.Partner.PublicKey, CanonicalForm.Of(signed.Receipt), signed.Signature)
            ? original
            : null;
    }
}
