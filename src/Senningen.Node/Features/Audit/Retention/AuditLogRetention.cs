using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Retention;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Audit.Data;
using Senningen.Node.Features.Audit.Tree;

namespace Senningen.Node.Features.Audit.Retention;

/// <summary>
/// The audit log's own purge (ADR 0025): whole entries, oldest leaf first and never from the middle, up to the first
/// one still in its period, held, or not yet under a signed head. Their leaf hashes stay in <c>audit_tree_nodes</c>, so
/// the heads, the partners' copies of them and the proofs of kept entries verify as before. Each chunk removes its
/// entries and writes its <c>audit.pruned</c> entry (range, count, root at the new prune point) in one transaction.
/// </summary>
internal sealed class AuditLogRetention(SenningenDbContext db, AuditLog audit, NodeSettings node) : IRetentionTarget
{
    public string Kind => RetentionKinds.AuditLog;

    public IReadOnlyList<string> Tables { get; } = ["audit_entries"];

    public CountedFrom CountedFrom => CountedFrom.Creation;

    public RetentionAction Action => RetentionAction.Delete;

    public IReadOnlyList<string> Fields => [];

    // Its own audit entry moves the prune point, so it must commit with the removal, not after the run.
    public bool AuditsItself => true;

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct) =>
        RetentionSurvey.Of(await db.AuditEntries.LongCountAsync(ct),
            await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.OccurredAt).FirstOrDefaultAsync(ct));

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var total = 0;
        int removed;
        do
        {
            removed = await PruneChunkAsync(chunk, ct);
            total += removed;
        }
        while (removed > 0);

        return total;
    }

    private async Task<int> PruneChunkAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var from = await AuditPrunePoint.ReadAsync(db, ct);
        var signed = await db.AuditTreeHeads.MaxAsync(h => (long?)h.Size, ct) ?? 0;
        var candidates = await db.AuditEntries.AsNoTracking().Where(e => e.LeafIndex >= from && e.LeafIndex < signed)
            .OrderBy(e => e.LeafIndex).Take(chunk.Limit).Select(e => new { e.LeafIndex, e.OccurredAt, e.CaseReference, e.Records })
            .ToListAsync(ct);
        var heldIds = chunk.Holds.RecordIds.Select(id => id.ToString()).ToList();
        var to = from;
        foreach (var entry in candidates)
        {
            var held = (entry.CaseReference is { } c && chunk.Holds.CaseReferences.Contains(c))
                || heldIds.Exists(id => entry.Records.Contains(id, StringComparison.OrdinalIgnoreCase));
            if (entry.LeafIndex != to || entry.OccurredAt >= chunk.Cutoff || held)
            {
                break;
            }

            to++;
        }

        if (to == from)
        {
            return 0;
        }

        var root = await RootAtAsync(to, ct);
        audit.Add(new AuditRecord(AuditActions.AuditPruned, AuditOutcomes.Success, Records: [AuditPrunePoint.Record(from, to)],
            Detail: string.Create(CultureInfo.InvariantCulture,
                $"{to - from} entries (leaves {from} to {to - 1}) written before {chunk.Cutoff:O} removed; their leaf hashes are kept; root of the first {to} leaves {Convert.ToHexStringLower(root)}")),
            Actor.Node(node));
        var removed = 0;
        await db.SaveChangesAsync(async c =>
        {
            removed = await db.AuditEntries.Where(e => e.LeafIndex >= from && e.LeafIndex < to).ExecuteDeleteAsync(c);
            return removed;
        }, ct);
        return removed;
    }

    /// <summary>The root of the tree's first <paramref name="size"/> leaves, from the perfect nodes it keeps.</summary>
    private async Task<byte[]> RootAtAsync(long size, CancellationToken ct)
    {
        var ids = MerkleFrontier.PeaksOf(size);
        var nodes = await AuditTreeNodes.ReadAsync(db, ids, ct);
        if (!ids.All(nodes.ContainsKey))
        {
            throw new InvalidOperationException($"The audit tree lacks the nodes of its first {size} leaves; nothing is removed.");
        }

        return MerkleFrontier.Restore(size, [.. ids.Select(id => nodes[id])]).Root();
    }
}
