using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Retention.Data;

/// <summary>
/// Keeps named records past their retention period: every record of a case, or records named by id (an operation's id
/// also keeps its positions). Placed and lifted by the data protection officer; lifting deletes the row, the audit log
/// keeps the history.
/// </summary>
public sealed class RetentionHold
{
    public Guid Id { get; set; }

    public string? CaseReference { get; set; }

    /// <summary>The ids of the records held, comma-separated; empty when the hold names a case.</summary>
    public string RecordIds { get; set; } = "";

    public string Reason { get; set; } = "";

    public string PlacedBy { get; set; } = "";

    public DateTimeOffset PlacedAt { get; set; }

    /// <summary>The hold ends by itself then; null: until lifted.</summary>
    public DateTimeOffset? Until { get; set; }
}

internal sealed class RetentionHoldConfiguration : IEntityTypeConfiguration<RetentionHold>
{
    public void Configure(EntityTypeBuilder<RetentionHold> builder)
    {
        builder.ToTable("retention_holds");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.CaseReference).HasMaxLength(100);
        builder.Property(h => h.RecordIds).HasMaxLength(RetentionHoldRules.MaxRecords * 37);
        builder.Property(h => h.Reason).HasMaxLength(RetentionHoldRules.MaxReason);
        builder.Property(h => h.PlacedBy).HasMaxLength(256);
        builder.Property(h => h.PlacedAt).HasColumnName("PlacedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(h => h.Until).HasColumnName("UntilMs").HasConversion<UnixMillisecondsConverter>();
    }
}

internal static class RetentionHoldRules
{
    public const int MaxRecords = 100;
    public const int MaxReason = 500;
}

internal static class RetentionData
{
    extension(SenningenDbContext db)
    {
        public DbSet<RetentionHold> RetentionHolds => db.Set<RetentionHold>();
    }
}
