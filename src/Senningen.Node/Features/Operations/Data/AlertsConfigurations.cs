using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Operations.Data;

// The partner side, kept as the home side is: "…Ms" columns of Unix milliseconds, countries as two letters.
internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("ops_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FromCountry).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(a => a.OperationType).HasMaxLength(50);
        builder.Property(a => a.Zone).HasMaxLength(20);
        builder.Property(a => a.HomeZone).HasMaxLength(20);
        builder.Property(a => a.Units).HasMaxLength(2000);
        builder.Property(a => a.Vehicles).HasMaxLength(2000);
        builder.Property(a => a.Suspect).HasMaxLength(2000);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.CaseReference).HasMaxLength(100);
        builder.Property(a => a.CrossedAt).Ms("CrossedAtMs");
        builder.Property(a => a.ReceivedAt).Ms("ReceivedAtMs");
        builder.Property(a => a.AuthorisationDeadline).Ms("AuthorisationDeadlineMs");
        builder.Property(a => a.AcknowledgedAt).Ms("AcknowledgedAtMs");
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.EscalatedAt).Ms("EscalatedAtMs");
        builder.Property(a => a.ClosedAt).Ms("ClosedAtMs");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.OperationId, a.Zone }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.ReceivedAt });
        // The streams read after a position, and the sequencer finds the rows without one (ADR 0027).
        builder.HasIndex(a => a.FeedPosition);
        builder.HasIndex(a => a.EscalationFeedPosition);
    }
}

internal sealed class AlertFixConfiguration : IEntityTypeConfiguration<AlertFix>
{
    public void Configure(EntityTypeBuilder<AlertFix> builder)
    {
        builder.ToTable("ops_alert_fixes");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Unit).HasMaxLength(50);
        builder.Property(f => f.Time).Ms("TimeMs");
        builder.HasIndex(f => new { f.OperationId, f.Unit, f.Time }).IsUnique();
        // The retention purge takes the oldest fixes before a cutoff (ADR 0025): a range scan, not the whole table.
        builder.HasIndex(f => f.Time);
    }
}
