using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// The sequencer's writes on PostgreSQL: a batch's leaves, nodes and head in three statements over arrays, in one
/// transaction. EF's row-per-statement save of the same (thousands of rows a second under load) kept the sequencer
/// behind the writers on two cores.
/// </summary>
internal static class AuditTreeWrites
{
    public static async Task StoreAsync(SenningenDbContext db, IReadOnlyList<AuditEntry> entries, IReadOnlyList<AuditTreeNode> nodes,
        AuditTreeHead head, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var leaves = db.CreateCommand("""
            UPDATE audit_entries AS e SET "LeafIndex" = v.leaf, "LeafHash" = v.hash
            FROM unnest(@ids, @leaves, @hashes) AS v(id, leaf, hash)
            WHERE e."Sequence" = v.id AND e."LeafIndex" IS NULL
            """))
        {
            Add(leaves, "ids", entries.Select(e => e.Sequence).ToArray());
            Add(leaves, "leaves", entries.Select(e => e.LeafIndex!.Value).ToArray());
            Add(leaves, "hashes", entries.Select(e => e.LeafHash!).ToArray());
            // Fewer rows means another instance integrated some meanwhile (two briefly leading): give this batch up.
            if (await leaves.ExecuteNonQueryAsync(ct) != entries.Count)
            {
                throw new InvalidOperationException("Some entries of the batch were integrated by another sequencer.");
            }
        }

        await using (var insert = db.CreateCommand("""
            INSERT INTO audit_tree_nodes ("Level", "Index", "Hash") SELECT * FROM unnest(@levels, @indexes, @hashes)
            """))
        {
            Add(insert, "levels", nodes.Select(n => n.Level).ToArray());
            Add(insert, "indexes", nodes.Select(n => n.Index).ToArray());
            Add(insert, "hashes", nodes.Select(n => n.Hash).ToArray());
            await insert.ExecuteNonQueryAsync(ct);
        }

        db.AuditTreeHeads.Add(head);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
