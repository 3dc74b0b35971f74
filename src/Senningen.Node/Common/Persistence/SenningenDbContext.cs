using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// The node's one model. Each capability owns its entities and configurations; this class only collects them
/// and seals audit entries into the hash chain as part of the same save as the change they describe.
/// </summary>
public abstract class SenningenDbContext(DbContextOptions options, WriteGate writeGate, WalFlusher flusher)
    : IdentityDbContext<SenningenUser>(options), IDataProtectionKeyContext
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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        int written;
        Saving = true;
        try
        {
            written = await SaveUnderGateAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            Saving = false;
        }

        // Outside the write gate: the next writer commits while this one waits for the fsync it shares with others.
        await WhenSavedDurableAsync(written);
        return written;
    }

    /// <summary>
    /// For work that acts outside the database on what it wrote or read without SaveChanges (a claim before sending):
    /// completes when every commit so far is on disk. Immediate on PostgreSQL and until SQLite is in WAL mode.
    /// </summary>
    public Task WhenDurableAsync() => flusher.WhenDurableAsync();

    private async Task<int> SaveUnderGateAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (!HasPendingAuditEntries())
        {
            if (SharedByInstances)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            using var gate = await writeGate.EnterAsync(cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        using var held = await writeGate.EnterAsync(cancellationToken);
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (SharedByInstances)
            {
                // Serialises appends across instances sharing the database; released at commit.
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7262023)", cancellationToken);
            }

            await SealPendingAuditEntriesAsync(cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SenningenDbContext).Assembly);
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

    private async Task SealPendingAuditEntriesAsync(CancellationToken cancellationToken)
    {
        var tail = await AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? AuditChain.Genesis;
        var pending = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.OccurredAtUnixMs)
            .ToList();
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(previous, entry.ToFacts());
            previous = entry.Hash;
        }
    }
}
