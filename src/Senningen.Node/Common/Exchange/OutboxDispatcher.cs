using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Delivers committed outbox messages until each has a verified receipt, is rejected, or expires. State lives in the
/// database (attempts, next attempt, lease), so a restart of either node loses nothing and doubles nothing.
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, PartnerDelivery delivery, PartnerLinks links, DispatchSignal signal,
    NodeSettings settings, ExchangeMetrics metrics, TimeProvider clock, ILogger<OutboxDispatcher> logger) : ClaimingWorker(scopes, logger)
{
    private const int MaxRequestsInFlight = 8;
    private const int BatchPerRequest = 100;
    private static readonly TimeSpan CircuitProbeDelay = TimeSpan.FromSeconds(5);

    private int _expiring;

    // Several rounds in flight: one claims and sends while others wait for their receipts or save them, so the link
    // stays busy without one large round holding every message back until its slowest request returns.
    protected override int Loops => 4;

    protected override Task WaitForWorkAsync(bool polls, CancellationToken ct) =>
        signal.WaitForOutboxAsync(polls ? settings.Exchange.PollInterval : Timeout.InfiniteTimeSpan, clock, ct);

    protected override void FoundWork() => signal.OutboxChanged();

    protected override Task ReleaseClaimsAsync(SenningenDbContext db) =>
        db.Outbox.Where(m => m.ClaimedBy == Instance && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null));

    /// <returns>How many messages were attempted.</returns>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = clock.GetUtcNow();
        // One round at a time looks for expired messages; two would expire (and audit) the same ones twice.
        if (Interlocked.Exchange(ref _expiring, 1) == 0)
        {
            try
            {
                await ExpireAsync(db, audit, now, ct);
            }
            finally
            {
                Volatile.Write(ref _expiring, 0);
            }
        }

        var lease = now + (3 * settings.Exchange.DeliveryTimeout);
        var ids = await OutboxClaims.ClaimAsync(db, Instance, now, lease, ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        var messages = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        using var gate = new SemaphoreSlim(MaxRequestsInFlight);
        var batches = messages.GroupBy(m => m.Recipient).SelectMany(g => g.Chunk(BatchPerRequest)).ToList();
        var answered = await Task.WhenAll(batches.Select(async batch =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return batch.Zip(await delivery.DeliverBatchAsync(batch, ct));
            }
            finally
            {
                gate.Release();
            }
        }));
        var delivered = answered.SelectMany(pairs => pairs).ToList();
        messages = [.. delivered.Select(p => p.First)];
        var results = delivered.Select(p => p.Second).ToList();

        var done = clock.GetUtcNow();
        var outcomes = messages.Zip(results, (m, r) => Apply(m, r, done, audit)).Where(o => o is not null).ToList();
        await db.SaveChangesAsync(token => OutboxResults.WriteAsync(db, messages, token), ct);
        await ReleaseBacklogAsync(db, messages.Zip(results).Where(p => p.Second.Kind == DeliveryKind.Receipted).Select(p => p.First.Recipient), done, ct);
        foreach (var outcome in outcomes)
        {
            signal.Delivered(outcome!);
        }

        return messages.Count;
    }

    private DeliveryOutcome? Apply(OutboxMessage message, DeliveryResult result, DateTimeOffset at, AuditLog audit)
    {
        var stored = WireMapping.Truncate(at);
        message.ClaimedBy = null;
        message.ClaimedUntil = null;
        if (result.Kind == DeliveryKind.Deferred)
        {
            message.LastError = result.Error;
            message.NextAttemptAt = stored + CircuitProbeDelay;
            return null;
        }

        message.Attempts++;
        message.LastAttemptAt = stored;
        switch (result.Kind)
        {
            case DeliveryKind.Receipted:
                message.Status = OutboxStatus.Receipted;
                message.Receipt = result.Receipt;
                message.CompletedAt = stored;
                message.LastError = null;
                metrics.Receipted(message.Recipient.Value, message.Type, stored.ToUnixTimeMilliseconds() - message.CreatedAt.ToUnixTimeMilliseconds());
                return new DeliveryOutcome(message.Id, "receipted", null, at);
            case DeliveryKind.Rejected:
                message.Status = OutboxStatus.Rejected;
                message.Receipt = result.Receipt;
                message.CompletedAt = stored;
                message.LastError = result.Error;
                metrics.Rejected(message.Recipient.Value, message.Type);
                audit.Add(new AuditRecord(AuditActions.MessageRejected, AuditOutcomes.Failed, [$"message:{message.Id}"],
                    CaseReference: message.CaseReference, Recipient: message.Recipient.Value, Detail: $"{message.Type}: {result.Error}"), Actor.Node(settings));
                return new DeliveryOutcome(message.Id, "rejected", result.Error, at);
            default:
                message.LastError = result.Error;
                message.NextAttemptAt = stored + TimeSpan.FromMilliseconds((long)Backoff.Default.After(message.Attempts, Random.Shared.NextDouble()).TotalMilliseconds);
                metrics.Failed(message.Recipient.Value);
                LogDeliveryFailed(Logger, message.Id, message.Recipient.Value, message.Attempts, result.Error ?? "");
                return null;
        }
    }

    // A partner that answers again gets its backlog now, not each message at the end of its own backoff.
    private async Task ReleaseBacklogAsync(SenningenDbContext db, IEnumerable<Core.Countries.CountryCode> reachable, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var partner in reachable.Distinct())
        {
            if (links.Find(partner) is not { } link || !link.TakeBacklogRelease())
            {
                continue;
            }

            using var gate = await db.EnterWriteAsync(ct);
            await db.Outbox.Where(m => m.Recipient == partner && m.Status == OutboxStatus.Queued && m.NextAttemptAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, now), ct);
        }
    }

    private async Task ExpireAsync(SenningenDbContext db, AuditLog audit, DateTimeOffset now, CancellationToken ct)
    {
        var expired = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Queued && m.ExpiresAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.CreatedAt).Take(OutboxClaims.BatchSize).ToListAsync(ct);
        if (expired.Count == 0)
        {
            return;
        }

        foreach (var message in expired)
        {
            message.Status = OutboxStatus.Expired;
            message.CompletedAt = WireMapping.Truncate(now);
            message.LastError = message.Attempts == 0 ? "expired before it could be sent" : $"expired after {message.Attempts} failed attempts: {message.LastError}";
            metrics.Expired(message.Recipient.Value, message.Type);
            audit.Add(new AuditRecord(AuditActions.MessageExpired, AuditOutcomes.Failed, [$"message:{message.Id}"],
                CaseReference: message.CaseReference, Recipient: message.Recipient.Value, Detail: $"{message.Type}: {message.LastError}"), Actor.Node(settings));
        }

        await db.SaveChangesAsync(ct);
        foreach (var message in expired)
        {
            signal.Delivered(new DeliveryOutcome(message.Id, "expired", message.LastError, now));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery of {MessageId} to {Partner} failed (attempt {Attempts}): {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid messageId, string partner, int attempts, string error);
}
