using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Common.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        // An identity (PostgreSQL) or rowid (SQLite): concurrent saves take ids without reading or locking the log's tail.
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.ActorUnit).HasMaxLength(200);
        builder.Property(e => e.ActorCountry).HasMaxLength(2);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Outcome).HasMaxLength(40);
        builder.Property(e => e.Purpose).HasMaxLength(500);
        builder.Property(e => e.CaseReference).HasMaxLength(100);
        builder.Property(e => e.Recipient).HasMaxLength(200);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.OccurredAt).HasColumnName("OccurredAtUnixMs").HasConversion<UnixMillisecondsConverter>();
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.Actor, e.OccurredAt });
        builder.HasIndex(e => new { e.Action, e.OccurredAt });
        builder.HasIndex(e => e.LeafIndex).IsUnique();
        builder.Property(e => e.LeafHash).HasMaxLength(32);
        // The sequencer's work list: small, as it holds only the entries of the last moment.
        builder.HasIndex(e => e.Sequence, "IX_audit_entries_unintegrated").HasFilter("\"LeafIndex\" IS NULL");
    }
}
