using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Anpr.Data;

internal sealed class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> builder)
    {
        builder.ToTable("anpr_cameras");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Owner).HasMaxLength(200);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Direction).HasMaxLength(100);
        builder.Property(c => c.AgreementReference).HasMaxLength(200);
        builder.Property(c => c.Country).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(c => c.CreatedAt).HasColumnName("CreatedAtMs").HasConversion<UnixMillisecondsConverter>();
    }
}

internal sealed class ListedPlateConfiguration : IEntityTypeConfiguration<ListedPlate>
{
    public void Configure(EntityTypeBuilder<ListedPlate> builder)
    {
        builder.ToTable("anpr_hotlist");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ListedAs).HasMaxLength(30);
        builder.Property(e => e.PlateText).HasMaxLength(10);
        builder.Property(e => e.CanonicalKey).HasMaxLength(10);
        builder.Property(e => e.Format).HasMaxLength(30);
        builder.Property(e => e.Owner).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(e => e.Assessment).HasMaxLength(2000);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.Property(e => e.ValidFrom).HasColumnName("ValidFromMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(e => e.ValidTo).HasColumnName("ValidToMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(e => e.CreatedAt).HasColumnName("CreatedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(e => e.UpdatedAt).HasColumnName("UpdatedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.HasIndex(e => new { e.Owner, e.PlateText, e.Category }).IsUnique();
        builder.HasIndex(e => e.CanonicalKey);
    }
}

internal sealed class HotlistVersionConfiguration : IEntityTypeConfiguration<HotlistVersion>
{
    public void Configure(EntityTypeBuilder<HotlistVersion> builder)
    {
        builder.ToTable("anpr_hotlist_version");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new HotlistVersion { Id = 1, Version = 0 });
    }
}

internal sealed class StoredReadConfiguration : IEntityTypeConfiguration<StoredRead>
{
    public void Configure(EntityTypeBuilder<StoredRead> builder)
    {
        builder.ToTable("anpr_reads");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CameraId).HasMaxLength(64);
        builder.Property(r => r.Plate).HasMaxLength(10);
        builder.Property(r => r.CanonicalKey).HasMaxLength(10);
        builder.Property(r => r.Candidates).HasMaxLength(4000);
        builder.Property(r => r.Country).HasMaxLength(3);
        // The bulk writers bind these columns as Unix milliseconds themselves (StoredReads, RunAppender).
        builder.Property(r => r.ObservedAt).HasColumnName("ObservedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(r => r.ReceivedAt).HasColumnName("ReceivedAtMs").HasConversion<UnixMillisecondsConverter>();
        // History search by plate (canonical, so confusions are found) and period, and by camera and period.
        builder.HasIndex(r => new { r.CanonicalKey, r.ObservedAt });
        builder.HasIndex(r => new { r.CameraId, r.ObservedAt });
    }

    /// <summary>
    /// SQLite finds reads by plate and camera, and the purge finds them by time, through its runs (ADR 0012): the
    /// table itself has no secondary index, so a read costs one append.
    /// </summary>
    public static void IndexForSqlite(ModelBuilder model)
    {
        var reads = model.Entity<StoredRead>().Metadata;
        foreach (var index in reads.GetIndexes().ToList())
        {
            reads.RemoveIndex(index);
        }
    }
}

internal sealed class HitConfiguration : IEntityTypeConfiguration<Hit>
{
    public void Configure(EntityTypeBuilder<Hit> builder)
    {
        builder.ToTable("anpr_hits");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Plate).HasMaxLength(10);
        builder.Property(h => h.CanonicalKey).HasMaxLength(10);
        builder.Property(h => h.Country).HasMaxLength(3);
        builder.Property(h => h.ObservedAt).HasColumnName("ObservedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(h => h.CameraId).HasMaxLength(64);
        builder.Property(h => h.CameraName).HasMaxLength(200);
        builder.Property(h => h.EntryId).HasMaxLength(64);
        builder.Property(h => h.Zone).HasMaxLength(20);
        builder.Property(h => h.EntryPlate).HasMaxLength(30);
        builder.Property(h => h.Owner).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(h => h.Confusions).HasMaxLength(200);
        builder.Property(h => h.ReceivedAt).HasColumnName("ReceivedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(h => h.SentTo).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(h => h.ReceivedFrom).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(h => h.AcknowledgedBy).HasMaxLength(256);
        builder.Property(h => h.AcknowledgedAt).HasColumnName("AcknowledgedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasIndex(h => h.ReceivedAt);
        // A board group's hits (its latest sighting, its cameras, acknowledging it) are found by entry within a period.
        builder.HasIndex(h => new { h.EntryId, h.ReceivedAt });
        // The stream reads after a position, and the sequencer finds the hits without one (ADR 0027).
        builder.HasIndex(h => h.FeedPosition);
    }
}
