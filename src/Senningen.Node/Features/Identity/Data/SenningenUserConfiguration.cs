using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Features.Identity.Data;

internal sealed class SenningenUserConfiguration : IEntityTypeConfiguration<SenningenUser>
{
    public void Configure(EntityTypeBuilder<SenningenUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Country).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(u => u.Unit).HasMaxLength(200);
        builder.Property(u => u.Language).HasMaxLength(2);
    }
}
