using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Common.Exchange.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("exchange_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.Recipient).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        // Instants are Unix milliseconds in the columns the claims, result writers and migrations name "...Ms".
        builder.Property(m => m.CreatedAt).HasColumnName("CreatedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.ExpiresAt).HasColumnName("ExpiresAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.NextAttemptAt).HasColumnName("NextAttemptAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.LastAttemptAt).HasColumnName("LastAttemptAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.CompletedAt).HasColumnName("CompletedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.ClaimedUntil).HasColumnName("ClaimedUntilMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.CaseReference).HasMaxLength(100);
        builder.Property(m => m.KeyId).HasMaxLength(64);
        builder.Property(m => m.Signature).HasMaxLength(128);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.HasIndex(m => new { m.ConversationId, m.Sequence }).IsUnique();
        builder.Property(m => m.Handling).HasMaxLength(8);
        builder.Property(m => m.HandlingConditions).HasMaxLength(500);
        // Urgent first, then by when due: the claim's ORDER BY, so the scan still stops at the batch.
        builder.HasIndex(m => new { m.Status, m.Priority, m.NextAttemptAt }).IsDescending(false, true, false);
        builder.HasIndex(m => new { m.Recipient, m.Status });
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("exchange_inbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Sender).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(m => m.CreatedAt).HasColumnName("CreatedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.ExpiresAt).HasColumnName("ExpiresAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.ReceivedAt).HasColumnName("ReceivedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.NextHandleAt).HasColumnName("NextHandleAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.HandledAt).HasColumnName("HandledAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.ClaimedUntil).HasColumnName("ClaimedUntilMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.CaseReference).HasMaxLength(100);
        builder.Property(m => m.KeyId).HasMaxLength(64);
        builder.Property(m => m.Signature).HasMaxLength(128);
        builder.Property(m => m.EnvelopeHash).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.HasIndex(m => new { m.Sender, m.ConversationId, m.Sequence }).IsUnique();
        builder.Property(m => m.Handling).HasMaxLength(8);
        builder.Property(m => m.HandlingConditions).HasMaxLength(500);
        builder.HasIndex(m => new { m.Status, m.Priority, m.NextHandleAt }).IsDescending(false, true, false);
        // A partner's messages of one type in the last hour: the consultation quota counts them on every query received.
        builder.HasIndex(m => new { m.Sender, m.Type, m.ReceivedAt });
    }
}
