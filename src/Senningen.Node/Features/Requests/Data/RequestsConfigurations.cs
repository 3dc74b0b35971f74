using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Core.Requests;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Requests.Data;

internal sealed class CooperationRequestConfiguration : IEntityTypeConfiguration<CooperationRequest>
{
    public void Configure(EntityTypeBuilder<CooperationRequest> builder)
    {
        builder.ToTable("requests_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reference).HasMaxLength(40);
        builder.Property(r => r.Type).HasMaxLength(60);
        // Side, state and urgency by the workflow's kebab-case names ("in-execution", "urgent-direct"), as the API shows them.
        builder.Property(r => r.Side).HasMaxLength(12).HasConversion(side => RequestNames.Of(side), name => RequestNames.Parse<RequestSide>(name));
        builder.Property(r => r.RequestingCountry).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(r => r.RequestedCountry).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(r => r.State).HasMaxLength(20).HasConversion(state => RequestNames.Of(state), name => RequestNames.Parse<RequestState>(name));
        builder.Property(r => r.Urgency).HasMaxLength(20).HasConversion(urgency => RequestNames.Of(urgency), name => RequestNames.Parse<Urgency>(name));
        Instant(builder.Property(r => r.CreatedAt), "CreatedAtMs");
        Instant(builder.Property(r => r.SubmittedAt), "SubmittedAtMs");
        Instant(builder.Property(r => r.AnswerBy), "AnswerByMs");
        Instant(builder.Property(r => r.RemindAt), "RemindAtMs");
        Instant(builder.Property(r => r.AcknowledgeBy), "AcknowledgeByMs");
        Instant(builder.Property(r => r.AcknowledgedAt), "AcknowledgedAtMs");
        Instant(builder.Property(r => r.RemindedAt), "RemindedAtMs");
        Instant(builder.Property(r => r.EscalatedAt), "EscalatedAtMs");
        Instant(builder.Property(r => r.ExpectedBy), "ExpectedByMs");
        Instant(builder.Property(r => r.UpdatedAt), "UpdatedAtMs");
        builder.Property(r => r.CaseReference).HasMaxLength(100);
        builder.Property(r => r.Region).HasMaxLength(20);
        builder.Property(r => r.Recipient).HasMaxLength(60);
        builder.Property(r => r.SpocCopy).HasMaxLength(60);
        builder.Property(r => r.LiaisonOfficerId).HasMaxLength(60);
        builder.Property(r => r.CreatedBy).HasMaxLength(100);
        builder.Property(r => r.OwnerUnit).HasMaxLength(200);
        builder.Property(r => r.AcknowledgedBy).HasMaxLength(100);
        builder.Property(r => r.DelayReason).HasMaxLength(1000);
        builder.Property(r => r.Handling).HasMaxLength(8);
        builder.Property(r => r.HandlingConditions).HasMaxLength(500);
        builder.Property(r => r.RefusalGround).HasMaxLength(40);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Side, r.State });
        builder.HasIndex(r => new { r.ClockRunning, r.AnswerBy });
        builder.HasIndex(r => r.CaseReference);
    }

    // Instants are Unix milliseconds in the columns named "...Ms".
    private static void Instant<T>(PropertyBuilder<T> property, string column) =>
        property.HasColumnName(column).HasConversion<UnixMillisecondsConverter>();
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("requests_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(30);
        builder.Property(e => e.FromState).HasMaxLength(20);
        builder.Property(e => e.ToState).HasMaxLength(20);
        builder.Property(e => e.Actor).HasMaxLength(100);
        builder.Property(e => e.Country).HasMaxLength(2);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.At).HasColumnName("AtMs").HasConversion<UnixMillisecondsConverter>();
        builder.HasIndex(e => new { e.RequestId, e.At });
        // The stream reads after a position, and the sequencer finds the steps without one (ADR 0027).
        builder.HasIndex(e => e.FeedPosition);
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> builder)
    {
        builder.ToTable("requests_attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasIndex(a => a.RequestId);
    }
}
