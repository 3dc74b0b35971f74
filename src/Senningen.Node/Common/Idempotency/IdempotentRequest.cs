using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Senningen.Node.Common.Idempotency;

/// <summary>
/// A request a client sent with an <c>Idempotency-Key</c>, and the answer it got: a replay of the same key by the same
/// user gets this answer again instead of doing the work twice. <see cref="Status"/> 0: claimed, the work is not
/// committed yet (its answer commits with it, see <see cref="IdempotencyClaims"/>); <see cref="CreatedAtMs"/> is when it was claimed.
/// </summary>
public sealed class IdempotentRequest
{
    public string Key { get; set; } = "";

    public string UserName { get; set; } = "";

    /// <summary>Method and path, so that a key reused for another request is refused rather than answered with the wrong thing.</summary>
    public string Request { get; set; } = "";

    public int Status { get; set; }

    public string? Location { get; set; }

    public string? Body { get; set; }

    public long CreatedAtMs { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("common_idempotent_requests");
        builder.HasKey(r => new { r.UserName, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyFilter.MaxKeyLength);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Request).HasMaxLength(300);
        builder.Property(r => r.Location).HasMaxLength(300);
        builder.HasIndex(r => r.CreatedAtMs);
    }
}
