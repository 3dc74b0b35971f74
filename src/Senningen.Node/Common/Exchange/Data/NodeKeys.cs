using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senningen.Core.Countries;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;

namespace Senningen.Node.Common.Exchange.Data;

/// <summary>
/// One of this node's signing keys and its validity. The private key is stored protected by the data-protection key
/// ring (ADR 0028), so every instance of the node reads the same keys from the shared database; the key a node first
/// signed with stays in its file (<see cref="NodeKeyStore"/>) and has a row without private key once it has a history.
/// </summary>
public sealed class NodeKey
{
    public string KeyId { get; set; } = "";

    /// <summary>One of <see cref="Core.Exchange.KeyUses"/>: a signing key, or an encryption key partners encrypt payloads to (ADR 0029).</summary>
    public string Use { get; set; } = Core.Exchange.KeyUses.Signing;

    public string PublicKeyPem { get; set; } = "";

    /// <summary>PKCS#8 PEM protected with <see cref="NodeKeyRing.ProtectorPurpose"/>; null for the key that lives in the file.</summary>
    public string? ProtectedPrivateKey { get; set; }

    /// <summary>From when the node signs with it. A key is retired by its successor: it expires one message lifetime after the successor's start.</summary>
    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A partner's key this node pinned from the partner's verified key set (the configured key needs no row).</summary>
public sealed class PartnerKey
{
    public CountryCode Country { get; set; }

    public string KeyId { get; set; } = "";

    /// <summary>Null for a key known only from a revocation.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>Null for a signing key; <see cref="Core.Exchange.KeyUses.Encryption"/> for a key this node encrypts payloads to.</summary>
    public string? Use { get; set; }

    /// <summary>From when the partner wants payloads encrypted to this key (encryption keys only).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset PinnedAt { get; set; }
}

internal sealed class NodeKeyConfiguration : IEntityTypeConfiguration<NodeKey>
{
    public void Configure(EntityTypeBuilder<NodeKey> builder)
    {
        builder.ToTable("exchange_node_keys");
        builder.HasKey(k => k.KeyId);
        builder.Property(k => k.KeyId).HasMaxLength(64);
        builder.Property(k => k.PublicKeyPem).HasMaxLength(400);
        builder.Property(k => k.Use).HasMaxLength(3).HasDefaultValue(Core.Exchange.KeyUses.Signing);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
        builder.Property(k => k.NotBefore).HasColumnName("NotBeforeMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(k => k.RevokedAt).HasColumnName("RevokedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(k => k.CreatedAt).HasColumnName("CreatedAtMs").HasConversion<UnixMillisecondsConverter>();
    }
}

internal sealed class PartnerKeyConfiguration : IEntityTypeConfiguration<PartnerKey>
{
    public void Configure(EntityTypeBuilder<PartnerKey> builder)
    {
        builder.ToTable("exchange_partner_keys");
        builder.HasKey(k => new { k.Country, k.KeyId });
        builder.Property(k => k.Country).HasMaxLength(2).HasConversion<CountryCodeConverter>();
        builder.Property(k => k.KeyId).HasMaxLength(64);
        builder.Property(k => k.PublicKeyPem).HasMaxLength(400);
        builder.Property(k => k.Use).HasMaxLength(3);
        builder.Property(k => k.NotBefore).HasColumnName("NotBeforeMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(k => k.ExpiresAt).HasColumnName("ExpiresAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(k => k.RevokedAt).HasColumnName("RevokedAtMs").HasConversion<UnixMillisecondsConverter>();
        builder.Property(k => k.PinnedAt).HasColumnName("PinnedAtMs").HasConversion<UnixMillisecondsConverter>();
    }
}

internal static class KeyTables
{
    extension(SenningenDbContext db)
    {
        public DbSet<NodeKey> NodeKeys => db.Set<NodeKey>();

        public DbSet<PartnerKey> PartnerKeys => db.Set<PartnerKey>();
    }
}
