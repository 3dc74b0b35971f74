using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Audit.Witness.Data;

internal sealed class WitnessedHeadConfiguration : IEntityTypeConfiguration<WitnessedHeadRow>
{
    public void Configure(EntityTypeBuilder<WitnessedHeadRow> builder)
    {
        builder.ToTable("audit_witnessed_heads");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Country).HasMaxLength(3).HasConversion<CountryCodeConverter>();
        builder.Property(h => h.RootHash).HasMaxLength(64);
        builder.Property(h => h.KeyId).HasMaxLength(100);
        builder.Property(h => h.Signature).HasMaxLength(200);
        builder.Property(h => h.Timestamp).HasColumnName("TimestampMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(h => h.ReceivedAt).HasColumnName("ReceivedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.HasIndex(h => new { h.Country, h.Size });
        builder.HasIndex(h => h.MessageId).IsUnique();
    }
}

internal sealed class HeadConfirmationConfiguration : IEntityTypeConfiguration<HeadConfirmationRow>
{
    public void Configure(EntityTypeBuilder<HeadConfirmationRow> builder)
    {
        builder.ToTable("audit_head_confirmations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Witness).HasMaxLength(3).HasConversion<CountryCodeConverter>();
        builder.Property(c => c.RootHash).HasMaxLength(64);
        builder.Property(c => c.HeadKeyId).HasMaxLength(100);
        builder.Property(c => c.HeadSignature).HasMaxLength(200);
        builder.Property(c => c.Verdict).HasMaxLength(20);
        builder.Property(c => c.Rule).HasMaxLength(50);
        builder.Property(c => c.KeyId).HasMaxLength(100);
        builder.Property(c => c.Signature).HasMaxLength(200);
        builder.Property(c => c.HeadTimestamp).HasColumnName("HeadTimestampMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(c => c.StatedAt).HasColumnName("StatedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(c => c.ReceivedAt).HasColumnName("ReceivedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.HasIndex(c => new { c.Witness, c.Size });
        builder.HasIndex(c => c.ConversationId);
        builder.HasIndex(c => c.MessageId).IsUnique();
    }
}

internal sealed class WitnessAlarmConfiguration : IEntityTypeConfiguration<WitnessAlarmRow>
{
    public void Configure(EntityTypeBuilder<WitnessAlarmRow> builder)
    {
        builder.ToTable("audit_witness_alarms");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Partner).HasMaxLength(3).HasConversion<CountryCodeConverter>();
        builder.Property(a => a.Rule).HasMaxLength(50);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(100);
        builder.Property(a => a.RaisedAt).HasColumnName("RaisedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(a => a.AcknowledgedAt).HasColumnName("AcknowledgedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.HasIndex(a => a.AcknowledgedAt);
        builder.HasIndex(a => a.MessageId).IsUnique();
    }
}
