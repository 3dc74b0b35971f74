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
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, InstanceLiveness liveness, PartnerDelivery delivery, PartnerLinks links,
    DispatchSignal signal, NodeSettings settings, ParkingSettings parking, ExchangeMetrics metrics, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : ClaimingWorker(scopes, liveness, logger)
{
    private const int MaxRequestsInFlight = 8;
    private const int BatchPerRequest = 100;
    private static readonly TimeSpan CircuitProbeDelay = TimeSpan.FromSeconds(5);

    // Expiry is counted in minutes, so a look a second is plenty: run every round, the look (a scan of the queued
    // messages) cost the database more than the claims under load.
    private static readonly TimeSpan ExpiryLookEvery = TimeSpan.FromSeconds(1);

    private int _expiring;
    private long _nextExpiryLookMs;

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
    protected override async Task<int> RunRoundAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = clock.GetUtcNow();
        // One round at a time looks for expired messages; two would expire (and audit) the same ones twice.
        if (now.ToUnixTimeMilliseconds() >= Volatile.Read(ref _nextExpiryLookMs) && Interlocked.Exchange(ref _expiring, 1) == 0)
        {
            Volatile.Write(ref _nextExpiryLookMs, (now + ExpiryLookEvery).ToUnixTimeMilliseconds());
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
        var claimed = await OutboxClaims.ClaimAsync(db, Instance, now, lease, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var messages = claimed.OrderByDescending(m => m.Priority).ThenBy(m => m.CreatedAt).ToList();
        using var gate = new SemaphoreSlim(MaxRequestsInFlight);
        // A message the partner has answered with an error goes alone: whatever is wrong with it fails no other with it.
        var batches = messages.GroupBy(m => m.Recipient)
            .SelectMany(g => g.Where(m => m.Refusals == 0).Chunk(BatchPerRequest).Concat(g.Where(m => m.Refusals > 0).Select(m => new[] { m }))).ToList();
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
        var applied = await SaveResultsAsync(db, audit, [.. messages.Zip(results, (m, r) => Apply(m, r, done))], ct);
        await ReleaseBacklogAsync(db, applied.Where(a => a.Result.Kind == DeliveryKind.Receipted).Select(a => a.Message.Recipient), done, ct);
        foreach (var (message, result, outcome, _) in applied)
        {
            Count(message, result);
            if (outcome is not null)
            {
                signal.Delivered(outcome);
            }
        }

        return messages.Count;
    }

    /// <summary>
    /// Saves the outcomes of messages this instance still claims. One that another instance took over meanwhile (it took
    /// this one for dead) is left to it: the save is rolled back and made again without it. Both may then have sent it:
    /// delivery is at least once by design, and the partner's <see cref="InboxReceiver"/> stores a message id once and
    /// answers a repeat with its first receipt, so the second copy has no effect there.
    /// </summary>
    private async Task<List<Applied>> SaveResultsAsync(SenningenDbContext db, AuditLog audit, List<Applied> applied, CancellationToken ct)
    {
        while (applied.Count > 0)
        {
            foreach (var record in applied.Select(a => a.Audit).OfType<AuditRecord>())
            {
                audit.Add(record, Actor.Node(settings));
            }

            try
            {
                await db.SaveChangesAsync(token => OutboxResults.WriteAsync(db, [.. applied.Select(a => a.Message)], Instance, token), ct);
                return applied;
            }
            catch (ClaimLostException lost)
            {
                db.ChangeTracker.Clear();
                LogClaimsLost(Logger, lost.Lost.Count);
                applied = [.. applied.Where(a => !lost.Lost.Contains(a.Message.Id))];
            }
        }

        return applied;
    }

    private Applied Apply(OutboxMessage message, DeliveryResult result, DateTimeOffset at)
    {
        var stored = WireMapping.Truncate(at);
        message.ClaimedBy = null;
        message.ClaimedUntil = null;
        if (result.Kind == DeliveryKind.Deferred)
        {
            message.LastError = result.Error;
            message.NextAttemptAt = stored + CircuitProbeDelay;
            return new Applied(message, result, null, null);
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
                return new Applied(message, result, new DeliveryOutcome(message.Id, "receipted", null, at), null);
            case DeliveryKind.Rejected:
                message.Status = OutboxStatus.Rejected;
                message.Receipt = result.Receipt;
                message.CompletedAt = stored;
                message.LastError = result.Error;
                return new Applied(message, result, new DeliveryOutcome(message.Id, "rejected", result.Error, at),
                    new AuditRecord(AuditActions.MessageRejected, AuditOutcomes.Failed, [$"message:{message.Id}"],
                        CaseReference: message.CaseReference, Recipient: message.Recipient.Value, Detail: $"{message.Type}: {result.Error}"));
            case DeliveryKind.Refused when ++message.Refusals >= parking.ParkAfterAttempts:
                // Its conversation waits behind it (ADR 0008) until an operator retries or drops it.
                message.Status = OutboxStatus.Parked;
                message.LastError = result.Error;
                return new Applied(message, result, null, new AuditRecord(AuditActions.MessageParked, AuditOutcomes.Failed, [$"message:{message.Id}"],
                    CaseReference: message.CaseReference, Recipient: message.Recipient.Value,
                    Detail: $"out {message.Type} to {message.Recipient} parked after {message.Refusals} refused deliveries: {result.Error}"));
            default:
                message.LastError = result.Error;
                message.NextAttemptAt = stored + TimeSpan.FromMilliseconds((long)Backoff.Default.After(message.Attempts, Random.Shared.NextDouble()).TotalMilliseconds);
                return new Applied(message, result, null, null);
        }
    }

    // Counted once saved: an outcome dropped because another instance took the message over is not this instance's.
    private void Count(OutboxMessage message, DeliveryResult result)
    {
        switch (result.Kind)
        {
            case DeliveryKind.Receipted:
                metrics.Receipted(message.Recipient.Value, message.Type, message.CompletedAt!.Value.ToUnixTimeMilliseconds() - message.CreatedAt.ToUnixTimeMilliseconds());
                break;
            case DeliveryKind.Rejected:
                metrics.Rejected(message.Recipient.Value, message.Type);
                break;
            case DeliveryKind.Deferred:
                break;
            default:
                metrics.Failed(message.Recipient.Value);
                LogDeliveryFailed(Logger, message.Id, message.Recipient.Value, message.Attempts, result.Error ?? "");
                break;
        }
    }

    private sealed record Applied(OutboxMessage Message, DeliveryResult Result, DeliveryOutcome? Outcome, AuditRecord? Audit);

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
            .Where(m => (m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Parked) && m.ExpiresAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox claim(s) were taken over by another instance; their outcomes here are dropped")]
    private static partial void LogClaimsLost(ILogger logger, int count);
}
