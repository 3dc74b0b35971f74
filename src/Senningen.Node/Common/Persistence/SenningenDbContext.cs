using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// The node's one model. Each capability owns its entities, their configurations and its accessors (extension members
/// in its <c>Data/</c> folder, ADR 0016); this class only collects the configurations, with each capability's
/// provider-specific part (<see cref="IProviderModelConfiguration"/>), and saves on SQLite under the node's one write
/// gate. Audit entries are plain rows of the save: the audit sequencer orders them into the log after they commit.
/// </summary>
public abstract class SenningenDbContext(DbContextOptions options, WriteGate writeGate, WalFlusher flusher)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    private UnitOfWork? _unit;

    /// <summary>True on PostgreSQL, where several node instances write at once.</summary>
    protected abstract bool SharedByInstances { get; }

    /// <summary>True inside this context's own save, whose commits wait for the disk after leaving the write gate.</summary>
    internal bool Saving { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        int written;
        Saving = true;
        try
        {
            written = base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            Saving = false;
        }

        WhenSavedDurableAsync(written).GetAwaiter().GetResult();
        return written;
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAsync(acceptAllChangesOnSuccess, null, cancellationToken);

    /// <summary>
    /// Saves as SaveChangesAsync does, running <paramref name="writes"/> first in the same transaction:
    /// for hot paths where EF's per-row tracking costs more than the row. Commands come from <see cref="CreateCommand"/>.
    /// </summary>
    /// <param name="writes">Returns how many rows it wrote.</param>
    public Task<int> SaveChangesAsync(Func<CancellationToken, Task<int>> writes, CancellationToken cancellationToken) =>
        SaveAsync(true, writes, cancellationToken);

    /// <summary>A command on this context's connection, in its current transaction (for the writes of a save).</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Callers pass constant SQL; values travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>
    /// For work that acts outside the database on what it wrote or read without SaveChanges (a claim before sending):
    /// completes when every commit so far is on disk. Immediate on PostgreSQL and until SQLite is in WAL mode.
    /// </summary>
    public Task WhenDurableAsync() => flusher.WhenDurableAsync();

    private async Task<int> SaveAsync(bool acceptAllChangesOnSuccess, Func<CancellationToken, Task<int>>? writes, CancellationToken cancellationToken)
    {
        int written;
        Saving = true;
        try
        {
            written = await SaveUnderGateAsync(acceptAllChangesOnSuccess, writes, cancellationToken);
        }
        finally
        {
            Saving = false;
        }

        // Outside the write gate: the next writer commits while this one waits for the fsync it shares with others.
        await WhenSavedDurableAsync(written);
        return written;
    }

    private async Task<int> SaveUnderGateAsync(bool acceptAllChangesOnSuccess, Func<CancellationToken, Task<int>>? writes,
        CancellationToken cancellationToken)
    {
        // On PostgreSQL nothing is held across the save: audit entries take their ids from an identity, and the audit
        // sequencer orders them into the log afterwards. On SQLite every write holds the node's one write gate.
        using var gate = await EnterWriteAsync(cancellationToken);
        if (_unit is not null)
        {
            await _unit.BeginOnFirstWriteAsync(cancellationToken);
        }

        if (writes is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return await InTransactionAsync(async commit =>
        {
            var written = await writes(cancellationToken);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await commit();
            return written;
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in the caller's transaction or, without one, in its own; commit commits only its own.</summary>
    private async Task<int> InTransactionAsync(Func<Func<Task>, Task<int>> work, CancellationToken cancellationToken)
    {
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            return await work(() => ownTransaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// For writes that bypass SaveChanges (bulk updates, UPDATE … RETURNING): on SQLite they queue behind the node's
    /// other writers; on PostgreSQL they need no gate.
    /// </summary>
    public async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (SharedByInstances)
        {
            return null;
        }

        if (_unit is null)
        {
            return await writeGate.EnterAsync(cancellationToken);
        }

        await _unit.HoldGateAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Makes this context's next saves one transaction that the caller commits, so that what the caller writes after
    /// seeing their outcome (the kept answer of an idempotent request) commits with them or not at all. The transaction
    /// begins at the first write, not before: on SQLite a transaction that read first cannot write once another
    /// connection has committed. On SQLite that first write takes the node's write gate and keeps it until the unit
    /// ends, so no other writer waits inside SQLite for a lock this one holds; the work inside must not wait for
    /// another context's write after its own first write.
    /// </summary>
    internal UnitOfWork BeginUnitOfWork()
    {
        if (_unit is not null || Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("This context is already in a transaction.");
        }

        return _unit = new UnitOfWork(this);
    }

    // A transaction the caller began is made durable at its commit (WalSyncInterceptor), not here.
    private Task WhenSavedDurableAsync(int written) =>
        written == 0 || Database.CurrentTransaction is not null ? Task.CompletedTask : flusher.WhenDurableAsync(flusher.Committed());

    private Task<IDisposable> EnterGateAsync(CancellationToken cancellationToken) => writeGate.EnterAsync(cancellationToken);

    private WalFlusher Flusher => flusher;

    /// <summary>See <see cref="BeginUnitOfWork"/>. Disposed without <see cref="CommitAsync"/>, its writes are rolled back.</summary>
    internal sealed class UnitOfWork(SenningenDbContext db) : IAsyncDisposable
    {
        private IDisposable? _gate;
        private IDbContextTransaction? _transaction;

        internal async Task HoldGateAsync(CancellationToken cancellationToken) => _gate ??= await db.EnterGateAsync(cancellationToken);

        internal async Task BeginOnFirstWriteAsync(CancellationToken cancellationToken) =>
            _transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);

        /// <summary>Commits what was written (nothing, when nothing was) and waits, outside the write gate, until it is on disk.</summary>
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (_transaction is null)
            {
                return;
            }

            // As in the context's own save: the commit does not wait for the fsync here, under the gate, but below.
            db.Saving = true;
            try
            {
                await _transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                db.Saving = false;
            }

            var committed = db.Flusher.Committed();
            await DisposeAsync();
            await db.Flusher.WhenDurableAsync(committed);
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
                _transaction = null;
            }

            _gate?.Dispose();
            _gate = null;
            if (ReferenceEquals(db._unit, this))
            {
                db._unit = null;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var assembly = typeof(SenningenDbContext).Assembly;
        modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        var provider = Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        foreach (var type in assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProviderModelConfiguration).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IProviderModelConfiguration)Activator.CreateInstance(type, nonPublic: true)!).Configure(modelBuilder, provider);
        }
    }
}
