using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Bench.Audit;

/// <summary>
/// The peer: the node's audit table (same columns, lengths, identity and indexes) in a context that inserts rows as
/// they come, with nothing after: no sequencer, no leaves, no tree.
/// </summary>
internal sealed class PlainAuditContext(DbContextOptions<PlainAuditContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var entry = modelBuilder.Entity<AuditEntry>();
        entry.ToTable("audit_entries");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedOnAdd();
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.ActorUnit).HasMaxLength(200);
        entry.Property(e => e.ActorCountry).HasMaxLength(2);
        entry.Property(e => e.Action).HasMaxLength(100);
        entry.Property(e => e.Outcome).HasMaxLength(40);
        entry.Property(e => e.Purpose).HasMaxLength(500);
        entry.Property(e => e.CaseReference).HasMaxLength(100);
        entry.Property(e => e.Recipient).HasMaxLength(200);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.Property(e => e.OccurredAt).HasColumnName("OccurredAtUnixMs").HasConversion<UnixMillisecondsConverter>();
        entry.HasIndex(e => e.OccurredAt);
        entry.HasIndex(e => new { e.Actor, e.OccurredAt });
        entry.HasIndex(e => new { e.Action, e.OccurredAt });
        entry.HasIndex(e => e.LeafIndex).IsUnique();
        entry.Property(e => e.LeafHash).HasMaxLength(32);
        entry.HasIndex(e => e.Sequence, "IX_audit_entries_unintegrated").HasFilter("\"LeafIndex\" IS NULL");
    }
}
