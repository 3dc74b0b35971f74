using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Operations.Data;

// The home side. Instants keep their "…Ms" columns of Unix milliseconds, countries their two letters.
internal sealed class OperationConfiguration : IEntityTypeConfiguration<Operation>
{
    public void Configure(EntityTypeBuilder<Operation> builder)
    {
        builder.ToTable("ops_operations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Type).HasMaxLength(50);
        builder.Property(o => o.HomeCountry).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(o => o.HomeZone).HasMaxLength(20);
        builder.Property(o => o.CaseReference).HasMaxLength(100);
        builder.Property(o => o.Vehicles).HasMaxLength(2000);
        builder.Property(o => o.Suspect).HasMaxLength(2000);
        builder.Property(o => o.Reason).HasMaxLength(2000);
        builder.Property(o => o.AuthorisationReference).HasMaxLength(200);
        builder.Property(o => o.AuthorisationDeadline).Ms("AuthorisationDeadlineMs");
        builder.Property(o => o.StartedAt).Ms("StartedAtMs");
        builder.Property(o => o.StartedBy).HasMaxLength(256);
        builder.Property(o => o.OwnerUnit).HasMaxLength(200);
        builder.Property(o => o.StartedByLanguage).HasMaxLength(2);
        builder.Property(o => o.EndedAt).Ms("EndedAtMs");
        builder.Property(o => o.Outcome).HasMaxLength(50);
        builder.Property(o => o.EndNote).HasMaxLength(2000);
        builder.HasMany(o => o.Units).WithOne().HasForeignKey(u => u.OperationId);
        builder.HasIndex(o => new { o.Status, o.StartedAt });
    }
}

internal sealed class OperationUnitConfiguration : IEntityTypeConfiguration<OperationUnit>
{
    public void Configure(EntityTypeBuilder<OperationUnit> builder)
    {
        builder.ToTable("ops_units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.CallSign).HasMaxLength(50);
        builder.Property(u => u.Vehicle).HasMaxLength(100);
        builder.Property(u => u.Country).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(u => u.Zone).HasMaxLength(20);
        builder.Property(u => u.LastFixAt).Ms("LastFixAtMs");
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.OperationId, u.CallSign }).IsUnique();
    }
}

internal sealed class RefusedFixesConfiguration : IEntityTypeConfiguration<RefusedFixes>
{
    public void Configure(EntityTypeBuilder<RefusedFixes> builder)
    {
        builder.ToTable("ops_refused_fixes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(20);
        builder.Property(r => r.At).Ms("AtMs");
        builder.HasIndex(r => new { r.OperationId, r.Reason });
    }
}

internal sealed class UnitFixConfiguration : IEntityTypeConfiguration<UnitFix>
{
    public void Configure(EntityTypeBuilder<UnitFix> builder)
    {
        builder.ToTable("ops_fixes");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Unit).HasMaxLength(50);
        builder.Property(f => f.Time).Ms("TimeMs");
        builder.Property(f => f.ReceivedAt).Ms("ReceivedAtMs");
        builder.HasIndex(f => new { f.OperationId, f.Unit, f.Time }).IsUnique();
        // The retention purge takes the oldest fixes before a cutoff (ADR 0025): a range scan, not the whole table.
        builder.HasIndex(f => f.Time);
    }
}

internal sealed class OperationCrossingConfiguration : IEntityTypeConfiguration<OperationCrossing>
{
    public void Configure(EntityTypeBuilder<OperationCrossing> builder)
    {
        builder.ToTable("ops_crossings");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Unit).HasMaxLength(50);
        builder.Property(c => c.FromCountry).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(c => c.ToCountry).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(c => c.FromZone).HasMaxLength(20);
        builder.Property(c => c.ToZone).HasMaxLength(20);
        builder.Property(c => c.At).Ms("AtMs");
        builder.Property(c => c.DetectedAt).Ms("DetectedAtMs");
        builder.HasIndex(c => new { c.OperationId, c.At });
    }
}

internal sealed class OperationEventConfiguration : IEntityTypeConfiguration<OperationEvent>
{
    public void Configure(EntityTypeBuilder<OperationEvent> builder)
    {
        builder.ToTable("ops_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.At).Ms("AtMs");
        builder.Property(e => e.Kind).HasMaxLength(30);
        builder.Property(e => e.Arguments).HasMaxLength(4000);
        builder.HasIndex(e => new { e.OperationId, e.At });
    }
}

internal sealed class PartnerNoticeConfiguration : IEntityTypeConfiguration<PartnerNotice>
{
    public void Configure(EntityTypeBuilder<PartnerNotice> builder)
    {
        builder.ToTable("ops_partner_notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Partner).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(n => n.Zone).HasMaxLength(20);
        builder.Property(n => n.SentAt).Ms("SentAtMs");
        builder.Property(n => n.AcknowledgedAt).Ms("AcknowledgedAtMs");
        builder.Property(n => n.AcknowledgedBy).HasMaxLength(256);
        builder.Property(n => n.EscalatedAt).Ms("EscalatedAtMs");
        builder.HasIndex(n => new { n.OperationId, n.Partner, n.Zone }).IsUnique();
    }
}
