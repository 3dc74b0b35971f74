using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Hands accepted messages to their handlers, one at a time per conversation in sequence order. A handler's
/// effects and the "handled" mark are saved together, and the mark is written only where this instance still claims the
/// message (<see cref="InboxHandled"/>): an instance taken for dead whose claim went to another commits nothing, so each
/// message has its effect exactly once.
/// </summary>
internal sealed partial class InboxProcessor(IServiceScopeFactory scopes, InstanceLiveness liveness, DispatchSignal signal, NodeSettings settings,
    ParkingSettings parking, TimeProvider clock, ILogger<InboxProcessor> logger) : ClaimingWorker(scopes, liveness, logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected override Task WaitForWorkAsync(bool polls, CancellationToken ct) => signal.WaitForInboxAsync(settings.Exchange.PollInterval, clock, ct);

    protected override Task ReleaseClaimsAsync(SenningenDbContext db) =>
        db.Inbox.Where(m => m.ClaimedBy == Instance && m.Status == InboxStatus.Accepted)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null));

    protected override async Task<int> RunRoundAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var now = clock.GetUtcNow();
        var due = (await InboxClaims.ClaimAsync(db, Instance, now, now + Lease, ct)).OrderByDescending(m => m.Priority).ThenBy(m => m.ReceivedAt).ThenBy(m => m.Sequence).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(m => m.Id).ToList();
        if (await TryHandleTogetherAsync(scope.ServiceProvider, db, due, ct))
        {
            return due.Count;
        }

        // A handler failed or a claim was lost: one at a time, the ones still claimed here, so that the others still get
        // their effect and only the failing one waits.
        db.ChangeTracker.Clear();
        foreach (var message in await db.Inbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.ClaimedBy == Instance && m.Status == InboxStatus.Accepted)
                     .OrderByDescending(m => m.Priority).ThenBy(m => m.ReceivedAt).ThenBy(m => m.Sequence).ToListAsync(ct))
        {
            await HandleAsync(scope.ServiceProvider, db, message, ct);
        }

        return due.Count;
    }

    // The common case: every handler's effects and every "handled" mark in one transaction.
    private async Task<bool> TryHandleTogetherAsync(IServiceProvider services, SenningenDbContext db, List<InboxMessage> due, CancellationToken ct)
    {
        var contracts = services.GetRequiredService<MessageContracts>();
        try
        {
            foreach (var message in due)
            {
                if (contracts.ReadStored(message) is not var (contract, payload))
                {
                    return false;
                }

                await contract.Handle(services, message, payload, db, ct);
            }

            // Once handlers have run, the unit of work is finished even if the node is stopping. The messages were read
            // untracked: marking a round handled is one prepared UPDATE each, in the same transaction as the effects.
            var handledAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(token => InboxHandled.WriteAsync(db, due, handledAtMs, Instance, token), CancellationToken.None);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchFellBack(Logger, ex);
            return false;
        }
    }

    private async Task HandleAsync(IServiceProvider services, SenningenDbContext db, InboxMessage message, CancellationToken ct)
    {
        var contracts = services.GetRequiredService<MessageContracts>();
        try
        {
            if (contracts.ReadStored(message) is not var (contract, payload))
            {
                throw new InvalidOperationException($"No handler for {message.Type} v{message.Version}.");
            }

            await contract.Handle(services, message, payload, db, ct);
            var handledAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await db.SaveChangesAsync(token => InboxHandled.WriteAsync(db, [message], handledAtMs, Instance, token), CancellationToken.None);
        }
        catch (ClaimLostException)
        {
            // Another instance took it over and handles it; what this handler did is rolled back.
            db.ChangeTracker.Clear();
            LogClaimLost(Logger, message.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the handler added is discarded; only the failure is recorded.
            db.ChangeTracker.Clear();
            db.Attach(message);
            message.ClaimedBy = null;
            message.ClaimedUntil = null;
            message.HandleAttempts++;
            message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            message.NextHandleAt = WireMapping.Truncate(clock.GetUtcNow())
                + TimeSpan.FromMilliseconds((long)Backoff.Default.After(message.HandleAttempts, Random.Shared.NextDouble()).TotalMilliseconds);
            // Parked, its conversation waits behind it (ADR 0008): the operators see both and retry or drop it.
            if (message.HandleAttempts >= parking.ParkAfterAttempts)
            {
                message.Status = InboxStatus.Parked;
                services.GetRequiredService<AuditLog>().Add(new AuditRecord(AuditActions.MessageParked, AuditOutcomes.Failed,
                    [$"message:{message.Id}"], CaseReference: message.CaseReference,
                    Detail: $"in {message.Type} from {message.Sender} parked after {message.HandleAttempts} attempts: {message.LastError}"), Actor.Node(settings));
            }

            LogHandlingFailed(Logger, message.Id, message.HandleAttempts, ex);
            try
            {
                await db.SaveChangesAsync(token => InboxHandled.HoldAsync(db, message.Id, Instance, token), ct);
            }
            catch (ClaimLostException)
            {
                // Taken over meanwhile: the failure is the new claimant's to find again, not this instance's to count.
                db.ChangeTracker.Clear();
                LogClaimLost(Logger, message.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handling a batch together failed; handling its messages one by one")]
    private static partial void LogBatchFellBack(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox message {MessageId} was taken over by another instance; its handling here is rolled back")]
    private static partial void LogClaimLost(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling of {MessageId} failed (attempt {Attempts})")]
    private static partial void LogHandlingFailed(ILogger logger, Guid messageId, int attempts, Exception exception);
}
