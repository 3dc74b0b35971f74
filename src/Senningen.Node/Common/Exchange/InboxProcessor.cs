using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Hands accepted messages to their handlers, one at a time per conversation in sequence order. A handler's
/// effects and the "handled" mark are saved together, so each message has its effect exactly once.
/// </summary>
internal sealed partial class InboxProcessor(IServiceScopeFactory scopes, DispatchSignal signal, NodeSettings settings,
    TimeProvider clock, ILogger<InboxProcessor> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                LogRoundFailed(logger, ex);
            }

            if (handled == 0)
            {
                try
                {
                    await signal.WaitForInboxAsync(settings.Exchange.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await db.Inbox
            .Where(m => m.Status == InboxStatus.Accepted && m.NextHandleAtMs <= nowMs
                && !db.Inbox.Any(p => p.Sender == m.Sender && p.ConversationId == m.ConversationId && p.Sequence < m.Sequence
                    && p.Status != InboxStatus.Handled))
            .OrderBy(m => m.ReceivedAtMs).ThenBy(m => m.Sequence)
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var message in due)
        {
            await HandleAsync(scope.ServiceProvider, db, message, ct);
        }

        return due.Count;
    }

    private async Task HandleAsync(IServiceProvider services, SenningenDbContext db, InboxMessage message, CancellationToken ct)
    {
        var contracts = services.GetRequiredService<MessageContracts>();
        var handler = services.GetServices<IMessageHandler>().FirstOrDefault(h => h.Type == message.Type && h.Version == message.Version);
        try
        {
            var (payload, _) = contracts.Read(message.Type, message.Version, message.Payload);
            if (handler is null || payload is null)
            {
                throw new InvalidOperationException($"No handler for {message.Type} v{message.Version}.");
            }

            await handler.HandleAsync(message, payload, db, ct);
            message.Status = InboxStatus.Handled;
            message.HandledAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            message.HandleAttempts++;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the handler added is discarded; only the failure is recorded.
            db.ChangeTracker.Clear();
            db.Attach(message);
            message.HandleAttempts++;
            message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            message.NextHandleAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds()
                + (long)Backoff.Default.After(message.HandleAttempts, Random.Shared.NextDouble()).TotalMilliseconds;
            if (message.HandleAttempts >= MaxAttempts)
            {
                message.Status = InboxStatus.Failed;
                services.GetRequiredService<AuditLog>().Add(new AuditRecord(AuditActions.MessageHandlingFailed, AuditOutcomes.Failed,
                    [$"message:{message.Id}"], CaseReference: message.CaseReference, Detail: message.LastError), Actor.Node(settings));
            }

            LogHandlingFailed(logger, message.Id, message.HandleAttempts, ex);
            await db.SaveChangesAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An inbox round failed; it is retried on the next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling of {MessageId} failed (attempt {Attempts})")]
    private static partial void LogHandlingFailed(ILogger logger, Guid messageId, int attempts, Exception exception);
}
