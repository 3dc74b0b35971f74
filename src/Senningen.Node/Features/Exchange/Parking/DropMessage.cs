using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Exchange.Parking;

/// <summary>
/// An operator gives a parked message up, saying why: it will never have its effect (incoming) or be sent (outgoing),
/// and the later messages of its conversation go on without it. The sender of an incoming one is sent this node's signed
/// rejection of that envelope (<see cref="MessageDroppedPayload"/>), so it stops counting on it. Audited in the officer's name,
/// in the same save as the change and the message to the sender.
/// </summary>
internal sealed class DropMessage(SenningenDbContext db, AuditLog audit, Outbox outbox, NodeSigningKey key, NodeSettings settings,
    DispatchSignal signal, TimeProvider clock)
{
    public async Task<ParkingOutcome> DropAsync(Guid id, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return new ParkingOutcome(ParkingResult.ReasonMissing);
        }

        if (reason.Length > ParkingOutcome.MaxReason)
        {
            return new ParkingOutcome(ParkingResult.ReasonTooLong);
        }

        var at = WireMapping.Truncate(clock.GetUtcNow());
        if (await db.Inbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } received)
        {
            if (received.Status != InboxStatus.Parked)
            {
                return new ParkingOutcome(ParkingResult.NotParked, Status: RetryMessage.Name(received.Status));
            }

            await TellSenderAsync(received, reason, at, ct);
            Audit(received.Id, received.CaseReference, received.Sender.Value, $"in {received.Type} from {received.Sender}: {reason}");
            var error = Clip($"{RejectionReasons.DroppedByOperator}: {reason}");
            return await SaveAsync(token => db.Inbox.Where(m => m.Id == id && m.Status == InboxStatus.Parked).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, InboxStatus.Dropped).SetProperty(m => m.HandledAt, at).SetProperty(m => m.LastError, error), token),
                signal.InboxChanged, id, ct);
        }

        if (await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } sent)
        {
            if (sent.Status != OutboxStatus.Parked)
            {
                return new ParkingOutcome(ParkingResult.NotParked, Status: RetryMessage.Name(sent.Status));
            }

            Audit(sent.Id, sent.CaseReference, sent.Recipient.Value, $"out {sent.Type} to {sent.Recipient}: {reason}");
            var error = Clip($"dropped: {reason}");
            return await SaveAsync(token => db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Parked).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboxStatus.Dropped).SetProperty(m => m.CompletedAt, at).SetProperty(m => m.LastError, error), token),
                signal.OutboxChanged, id, ct);
        }

        return new ParkingOutcome(ParkingResult.NotFound);
    }

    // The same proof a refusal on receipt gives: this node's signature over a rejection quoting the envelope's hash.
    private async Task TellSenderAsync(InboxMessage received, string reason, DateTimeOffset at, CancellationToken ct)
    {
        if (!settings.Partners.Any(p => p.Country == received.Sender))
        {
            return;
        }

        var rejection = new Receipt(received.Id, settings.Country, received.Sender, ReceiptStatus.Rejected, RejectionReasons.DroppedByOperator, at,
            received.EnvelopeHash);
        var signed = WireMapping.ToWire(new SignedReceipt(rejection, key.KeyId, Es256.Sign(key.Key, CanonicalForm.Of(rejection))));
        await outbox.EnqueueAsync(received.Sender, MessageDroppedPayload.Type, 1, new MessageDroppedPayload(signed, reason),
            caseReference: received.CaseReference, cancellationToken: ct);
    }

    private void Audit(Guid id, string? caseReference, string partner, string detail) =>
        audit.Add(new AuditRecord(AuditActions.MessageDropped, AuditOutcomes.Success, [$"message:{id}"], CaseReference: caseReference,
            Recipient: partner, Detail: Clip(detail)));

    private static string Clip(string text) => text.Length > 1000 ? text[..1000] : text;

    private Task<ParkingOutcome> SaveAsync(Func<CancellationToken, Task<int>> update, Action wake, Guid id, CancellationToken ct) =>
        ParkedMessages.SaveAsync(db, update, wake, id, ct);
}
