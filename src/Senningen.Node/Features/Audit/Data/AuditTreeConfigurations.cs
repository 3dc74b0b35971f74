using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Senningen.Node.Features.Audit.Data;

internal sealed class AuditTreeNodeConfiguration : IEntityTypeConfiguration<AuditTreeNode>
{
    public void Configure(EntityTypeBuilder<AuditTreeNode> builder)
    {
        builder.ToTable("audit_tree_nodes");
        builder.HasKey(n => new { n.Level, n.Index });
        builder.Property(n => n.Hash).HasMaxLength(32);
    }
}

internal sealed class AuditTreeHeadConfiguration : IEntityTypeConfiguration<AuditTreeHead>
{
    public void Configure(EntityTypeBuilder<AuditTreeHead> builder)
    {
        builder.ToTable("audit_tree_heads");
        builder.HasKey(h => h.Size);
        builder.Property(h => h.Size).ValueGeneratedNever();
        builder.Property(h => h.Country).HasMaxLength(2);
        builder.Property(h => h.RootHash).HasMaxLength(32);
        builder.Property(h => h.KeyId).HasMaxLength(100);
        builder.Property(h => h.Signature).HasMaxLength(200);
    }
}
