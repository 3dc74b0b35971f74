using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Exchange.Monitor;

namespace Senningen.Node.Features.Exchange.Parking;

/// <summary>
/// An operator has fixed what made a parked message fail and tries it again: it is due at once with a fresh count of
/// attempts, in its place in its conversation, so the messages behind it follow it in order. Audited in the officer's name.
/// </summary>
internal sealed class RetryMessage(SenningenDbContext db, AuditLog audit, DispatchSignal signal, TimeProvider clock)
{
    public async Task<ParkingOutcome> RetryAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now);
        if (await db.Inbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } received)
        {
            if (received.Status != InboxStatus.Parked)
            {
                return new ParkingOutcome(ParkingResult.NotParked, Status: Name(received.Status));
            }

            Audit(id, received.CaseReference, null, $"in {received.Type} from {received.Sender}, parked after {received.HandleAttempts} attempts: {received.LastError}");
            return await SaveAsync(token => db.Inbox.Where(m => m.Id == id && m.Status == InboxStatus.Parked).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, InboxStatus.Accepted).SetProperty(m => m.HandleAttempts, 0).SetProperty(m => m.NextHandleAt, at)
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), token), signal.InboxChanged, id, ct);
        }

        if (await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } sent)
        {
            if (sent.Status != OutboxStatus.Parked)
            {
                return new ParkingOutcome(ParkingResult.NotParked, Status: Name(sent.Status));
            }

            Audit(id, sent.CaseReference, sent.Recipient.Value, $"out {sent.Type} to {sent.Recipient}, parked after {sent.Refusals} refused deliveries: {sent.LastError}");
            return await SaveAsync(token => db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Parked).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboxStatus.Queued).SetProperty(m => m.Refusals, 0).SetProperty(m => m.NextAttemptAt, at)
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), token), signal.OutboxChanged, id, ct);
        }

        return new ParkingOutcome(ParkingResult.NotFound);
    }

    internal static string Name(Enum status) => status.ToString().ToLowerInvariant();

    private void Audit(Guid id, string? caseReference, string? recipient, string detail) =>
        audit.Add(new AuditRecord(AuditActions.MessageRetried, AuditOutcomes.Success, [$"message:{id}"], CaseReference: caseReference,
            Recipient: recipient, Detail: detail.Length > 1000 ? detail[..1000] : detail));

    private Task<ParkingOutcome> SaveAsync(Func<CancellationToken, Task<int>> update, Action wake, Guid id, CancellationToken ct) =>
        ParkedMessages.SaveAsync(db, update, wake, id, ct);
}
