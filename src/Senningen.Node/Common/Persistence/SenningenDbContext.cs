using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Senningen.Core.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// The node's one model. Each capability owns its entities, their configurations and its accessors (extension members
/// in its <c>Data/</c> folder, ADR 0016); this class only collects the configurations, with each capability's
/// provider-specific part (<see cref="IProviderModelConfiguration"/>), and seals audit entries into the hash chain as
/// part of the same save as the change they describe.
/// </summary>
public abstract class SenningenDbContext(DbContextOptions options, WriteGate writeGate, WalFlusher flusher)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    /// <summary>True on PostgreSQL, where several node instances may append to the chain at once.</summary>
    protected abstract bool SharedByInstances { get; }

    /// <summary>True inside this context's own save, whose commits wait for the disk after leaving the write gate.</summary>
    internal bool Saving { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (HasPendingAuditEntries())
        {
            throw new InvalidOperationException("Audit entries are sealed into the chain asynchronously: use SaveChangesAsync.");
        }

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
    /// Saves as SaveChangesAsync does, running <paramref name="writes"/> first in the same transaction (and audit seal):
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
        var sealing = HasPendingAuditEntries();
        if (!sealing && writes is null)
        {
            if (SharedByInstances)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            using var gate = await writeGate.EnterAsync(cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (sealing && SharedByInstances)
        {
            return await SaveSharedWithAuditAsync(acceptAllChangesOnSuccess, writes, cancellationToken);
        }

        // On SQLite every write holds the node's one write gate for the whole save.
        using var held = await writeGate.EnterAsync(cancellationToken);
        return await InTransactionAsync(async commit =>
        {
            var written = writes is null ? 0 : await writes(cancellationToken);
            if (sealing)
            {
                await SealPendingAuditEntriesAsync(PendingAuditEntries(), cancellationToken);
            }

            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await commit();
            return written;
        }, cancellationToken);
    }

    /// <summary>
    /// PostgreSQL, with audit entries: the business rows are written first, in parallel with other saves; only the chain
    /// append (lock, tail read, audit insert, commit) is serialised, across instances by an advisory lock held to commit.
    /// Holding the lock for the whole save made every audited write on the node queue behind the slowest one.
    /// </summary>
    private Task<int> SaveSharedWithAuditAsync(bool acceptAllChangesOnSuccess, Func<CancellationToken, Task<int>>? writes,
        CancellationToken cancellationToken)
    {
        var pending = PendingAuditEntries();
        return InTransactionAsync(async commit =>
        {
            var written = writes is null ? 0 : await writes(cancellationToken);
            foreach (var entry in pending)
            {
                Entry(entry).State = EntityState.Detached;
            }

            try
            {
                written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                // Sealed or not, the entries belong to this unit of work again (a caller that retries finds them).
                AuditEntries.AddRange(pending);
            }

            using (await writeGate.EnterAsync(cancellationToken))
            {
                // Serialises appends across instances sharing the database; released at commit.
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7262023)", cancellationToken);
                await SealPendingAuditEntriesAsync(pending, cancellationToken);
                written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await commit();
            }

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
    public async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        SharedByInstances ? null : await writeGate.EnterAsync(cancellationToken);

    // A transaction the caller began is made durable at its commit (WalSyncInterceptor), not here.
    private Task WhenSavedDurableAsync(int written) =>
        written == 0 || Database.CurrentTransaction is not null ? Task.CompletedTask : flusher.WhenDurableAsync(flusher.Committed());

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

    private bool HasPendingAuditEntries()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State == EntityState.Added)
            {
                return true;
            }
        }

        return false;
    }

    private List<AuditEntry> PendingAuditEntries() =>
        [.. ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.OccurredAt)];

    private async Task SealPendingAuditEntriesAsync(List<AuditEntry> pending, CancellationToken cancellationToken)
    {
        var (sequence, previous) = await ReadChainTailAsync(cancellationToken);
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(previous, entry.ToFacts());
            previous = entry.Hash;
        }
    }

    // Read inside the sealing transaction (and lock): every save with audit entries runs it, so it skips LINQ.
    private async Task<(long Sequence, string Hash)> ReadChainTailAsync(CancellationToken cancellationToken)
    {
        await using var command = CreateCommand("""SELECT "Sequence", "Hash" FROM audit_entries ORDER BY "Sequence" DESC LIMIT 1""");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }
}
