using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Work to run once the unit of work's changes are committed: signals to console pages, workers and the other instances
/// of the node, never business writes. It runs once, after the next successful save of this context, and only when that
/// save's transaction commits: a save inside a transaction (the caller's, or the audit append's own) waits for its commit;
/// a save or commit that fails drops it. A signal sent before the commit would let another instance look too early.
/// </summary>
public static class AfterCommitHook
{
    private static readonly ConditionalWeakTable<DbContext, List<Action>> Waiting = new();

    public static void AfterCommit(this DbContext db, Action action)
    {
        ArgumentNullException.ThrowIfNull(db);
        void Handler(object? sender, SavedChangesEventArgs e)
        {
            db.SavedChanges -= Handler;
            if (db.Database.CurrentTransaction is null)
            {
                action();
                return;
            }

            lock (Waiting)
            {
                Waiting.GetOrCreateValue(db).Add(action);
            }
        }

        db.SavedChanges += Handler;
    }

    private static List<Action>? Take(DbContext? db)
    {
        if (db is null)
        {
            return null;
        }

        lock (Waiting)
        {
            if (!Waiting.TryGetValue(db, out var actions) || actions.Count == 0)
            {
                return null;
            }

            Waiting.Remove(db);
            return actions;
        }
    }

    /// <summary>Runs what waited for a commit once it happened; drops it when the transaction ends otherwise.</summary>
    internal sealed class Interceptor : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Run(eventData.Context);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Run(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(eventData.Context);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Take(eventData.Context);
            return Task.CompletedTask;
        }

        // A transaction disposed without a commit rolls back without telling: the next one starts with nothing waiting.
        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            Take(eventData.Context);
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
            CancellationToken cancellationToken = default)
        {
            Take(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private static void Run(DbContext? db)
        {
            foreach (var action in Take(db) ?? [])
            {
                action();
            }
        }
    }
}
