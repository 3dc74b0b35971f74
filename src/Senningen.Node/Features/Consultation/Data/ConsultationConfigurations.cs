using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Senningen.Node.Features.Consultation.Data;

internal sealed class ConsultationSearchConfiguration : IEntityTypeConfiguration<ConsultationSearch>
{
    public void Configure(EntityTypeBuilder<ConsultationSearch> builder)
    {
        builder.ToTable("consultation_searches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Context).HasMaxLength(20);
        builder.Property(s => s.DataSet).HasMaxLength(20);
        builder.Property(s => s.Criteria).HasMaxLength(2000);
        builder.Property(s => s.Purpose).HasMaxLength(200);
        builder.Property(s => s.CaseReference).HasMaxLength(100);
        builder.Property(s => s.RequestedBy).HasMaxLength(100);
        builder.Property(s => s.Partners).HasMaxLength(20);
        builder.HasIndex(s => new { s.RequestedBy, s.StartedAtMs });
    }
}

internal sealed class ConsultationAnswerConfiguration : IEntityTypeConfiguration<ConsultationAnswerRow>
{
    public void Configure(EntityTypeBuilder<ConsultationAnswerRow> builder)
    {
        builder.ToTable("consultation_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Country).HasMaxLength(3);
        builder.Property(a => a.Level).HasMaxLength(20);
        builder.Property(a => a.Rule).HasMaxLength(100);
        builder.Property(a => a.Refusal).HasMaxLength(100);
        // One answer per partner and search: a redelivered answer is not stored twice.
        builder.HasIndex(a => new { a.SearchId, a.Country }).IsUnique();
    }
}
