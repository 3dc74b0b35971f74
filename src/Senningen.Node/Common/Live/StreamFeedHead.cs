using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Live;

/// <summary>
/// The last position the stream-feed sequencer gave in one feed (ADR 0027). Kept apart from the rows so that a feed never
/// gives a position twice, even when retention has removed every row that held the highest ones; and every sequencer
/// transaction updates it, so two instances that briefly both lead cannot both commit.
/// </summary>
public sealed class StreamFeedHead
{
    public string Feed { get; set; } = "";

    public long Position { get; set; }
}

internal sealed class StreamFeedHeadConfiguration : IEntityTypeConfiguration<StreamFeedHead>
{
    public void Configure(EntityTypeBuilder<StreamFeedHead> builder)
    {
        builder.ToTable("live_feed_heads");
        builder.HasKey(h => h.Feed);
        builder.Property(h => h.Feed).HasMaxLength(40);
        builder.Property(h => h.Position).IsConcurrencyToken();
    }
}

internal static class LiveData
{
    extension(SenningenDbContext db)
    {
        public DbSet<StreamFeedHead> StreamFeedHeads => db.Set<StreamFeedHead>();
    }
}
