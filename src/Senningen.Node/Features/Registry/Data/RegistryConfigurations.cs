using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Registry.Data;

// Ids come from the registry (the generator, or a national import), never from the database. No foreign keys: a
// national system's extract is loaded as it is, and bulk loads would pay for checks the source already made. Countries
// are their two-letter codes; the registers' codes (sex, status, kind, handling) are their enums' numbers, as the bulk
// writer (RegistryTables) stores them.

internal sealed class StoredPersonConfiguration : IEntityTypeConfiguration<StoredPerson>
{
    public void Configure(EntityTypeBuilder<StoredPerson> builder)
    {
        builder.ToTable("registry_persons");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.NationalId).HasMaxLength(13);
        builder.Property(p => p.Surname).HasMaxLength(120);
        builder.Property(p => p.GivenNames).HasMaxLength(160);
        builder.Property(p => p.SurnameKey).HasMaxLength(40);
        builder.Property(p => p.Nationality).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(p => p.Street).HasMaxLength(120);
        builder.Property(p => p.HouseNumber).HasMaxLength(12);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.Municipality).HasMaxLength(80);
        builder.Property(p => p.Country).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.HasIndex(p => p.NationalId).IsUnique();
        // Candidate queries: a surname key alone, or with the year of birth.
        builder.HasIndex(p => new { p.SurnameKey, p.BirthYear });
    }
}

internal sealed class StoredVehicleConfiguration : IEntityTypeConfiguration<StoredVehicle>
{
    public void Configure(EntityTypeBuilder<StoredVehicle> builder)
    {
        builder.ToTable("registry_vehicles");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Plate).HasMaxLength(10);
        builder.Property(v => v.PlateKey).HasMaxLength(10);
        builder.Property(v => v.Country).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(v => v.Vin).HasMaxLength(17);
        builder.Property(v => v.Make).HasMaxLength(40);
        builder.Property(v => v.Model).HasMaxLength(40);
        builder.Property(v => v.Colour).HasMaxLength(20);
        builder.HasIndex(v => v.Plate);
        builder.HasIndex(v => v.PlateKey);
        builder.HasIndex(v => v.Vin);
        builder.HasIndex(v => v.HolderId);
    }
}

internal sealed class StoredDocumentConfiguration : IEntityTypeConfiguration<StoredDocument>
{
    public void Configure(EntityTypeBuilder<StoredDocument> builder)
    {
        builder.ToTable("registry_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Number).HasMaxLength(20);
        builder.Property(d => d.IssuingCountry).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.HasIndex(d => d.Number);
        builder.HasIndex(d => d.HolderId);
    }
}

internal sealed class StoredRecordConfiguration : IEntityTypeConfiguration<StoredRecord>
{
    public void Configure(EntityTypeBuilder<StoredRecord> builder)
    {
        builder.ToTable("registry_records");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Summary).HasMaxLength(300);
        builder.HasIndex(r => new { r.Subject, r.SubjectId });
    }
}
