using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Data;

/// <summary>The audit capability's tables of the log's Merkle tree (the entries themselves are Common's).</summary>
internal static class AuditData
{
    extension(SenningenDbContext db)
    {
        public DbSet<AuditTreeNode> AuditTreeNodes => db.Set<AuditTreeNode>();

        public DbSet<AuditTreeHead> AuditTreeHeads => db.Set<AuditTreeHead>();
    }
}
