using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Senningen.Core.Consultation;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Consultation.Data;

internal sealed class ConsultationSearchConfiguration : IEntityTypeConfiguration<ConsultationSearch>
{
    // The partners asked, as the comma-separated codes the column has always held ("NL,LU").
    private static readonly ValueConverter<IReadOnlyList<CountryCode>, string> PartnerCodes = new(
        partners => string.Join(',', partners.Select(p => p.Value)),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code => CountryCode.Parse(code)).ToList());

    private static readonly ValueComparer<IReadOnlyList<CountryCode>> SamePartners = new(
        (a, b) => a!.SequenceEqual(b!), partners => partners.Aggregate(0, (hash, p) => HashCode.Combine(hash, p)), partners => partners.ToList());

    public void Configure(EntityTypeBuilder<ConsultationSearch> builder)
    {
        builder.ToTable("consultation_searches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // Context and data set by the names the API and the partners use ("joint-post", "persons").
        builder.Property(s => s.Context).HasMaxLength(20)
            .HasConversion(context => ConsultationContexts.NameOf(context), name => ConsultationContexts.Names[name]);
        builder.Property(s => s.DataSet).HasMaxLength(20).HasConversion(set => Disclosure.NameOf(set), name => Disclosure.DataSetNames[name]);
        builder.Property(s => s.Criteria).HasMaxLength(2000);
        builder.Property(s => s.Purpose).HasMaxLength(200);
        builder.Property(s => s.CaseReference).HasMaxLength(100);
        builder.Property(s => s.RequestedBy).HasMaxLength(100);
        builder.Property(s => s.OwnerUnit).HasMaxLength(200);
        builder.Property(s => s.Partners).HasMaxLength(20).HasConversion(PartnerCodes, SamePartners);
        builder.Property(s => s.StartedAt).HasColumnName("StartedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(s => s.Deadline).HasColumnName("DeadlineMs").HasConversion<UnixMillisecondsConverter>();
        builder.HasIndex(s => new { s.RequestedBy, s.StartedAt });
    }
}

internal sealed class ConsultationAnswerConfiguration : IEntityTypeConfiguration<ConsultationAnswerRow>
{
    public void Configure(EntityTypeBuilder<ConsultationAnswerRow> builder)
    {
        builder.ToTable("consultation_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Country).HasMaxLength(3).HasConversion<CountryCodeConverter>();
        builder.Property(a => a.Level).HasMaxLength(20);
        builder.Property(a => a.Rule).HasMaxLength(100);
        builder.Property(a => a.Refusal).HasMaxLength(100);
        builder.Property(a => a.ToAdd).HasMaxLength(100);
        builder.Property(a => a.ReceivedAt).HasColumnName("ReceivedAtMs").HasConversion<UnixMillisecondsConverter>();
        // One answer per partner and search: a redelivered answer is not stored twice.
        builder.HasIndex(a => new { a.SearchId, a.Country }).IsUnique();
    }
}
