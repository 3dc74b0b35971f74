using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// One walk of the log in leaf order against trusted heads. Each leaf is seen three ways: the hash of its content now,
/// its stored leaf hash, and the leaf node the sequencer stored. Whichever of the two stored trees reproduces a trusted
/// root is genuine up to that head (a different leaf would need a SHA-256 collision), so a leaf whose content no longer
/// hashes to its genuine leaf names the altered entry exactly; only when both were rewritten is the damage given as the
/// range of leaves between the last head that matched and the first that did not.
/// </summary>
internal sealed class AuditTreeVerifier(SenningenDbContext db, IReadOnlyList<TrustedHead> heads)
{
    private const int BatchSize = 5_000;

    private readonly MerkleFrontier _stored = new();
    private readonly MerkleFrontier _nodes = new();
    private bool _nodesComplete = true;
    private (long Leaf, long Entry)? _contentVsStored;
    private (long Leaf, long Entry)? _contentVsNode;
    private (long Leaf, long Entry)? _storedVsNode;
    private long _lastGood;
    private int _checked;
    private int _next;
    private long _pending;

    public async Task<AuditVerification> RunAsync(long pending, CancellationToken ct)
    {
        _pending = pending;
        if (CheckHeads() is { } early)
        {
            return early;
        }

        var pruned = await AuditPrunePoint.ReadAsync(db, ct);
        long expected = 0;
        while (expected < pruned)
        {
            var end = Math.Min(pruned, expected + BatchSize);
            var start = expected;
            var leaves = await db.AuditTreeNodes.AsNoTracking().Where(n => n.Level == 0 && n.Index >= start && n.Index < end).OrderBy(n => n.Index)
                .Select(n => new { n.Index, n.Hash }).ToListAsync(ct);
            foreach (var leaf in leaves)
            {
                if (leaf.Index != expected)
                {
                    break;
                }

                if (Removed(leaf.Hash) is { } found)
                {
                    return found;
                }

                expected++;
            }

            if (expected < end)
            {
                return Missing(expected, $"leaf {expected} was removed at the end of its retention, but the tree did not keep its hash");
            }
        }

        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.LeafIndex >= expected).OrderBy(e => e.LeafIndex).Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var first = expected;
            var last = batch[^1].LeafIndex!.Value;
            var leafNodes = await db.AuditTreeNodes.AsNoTracking().Where(n => n.Level == 0 && n.Index >= first && n.Index <= last)
                .ToDictionaryAsync(n => n.Index, n => n.Hash, ct);
            foreach (var entry in batch)
            {
                if (entry.LeafIndex != expected)
                {
                    return Missing(expected, $"leaf {expected} is missing (the next stored leaf is {entry.LeafIndex})");
                }

                if (Leaf(entry.Sequence, expected, AuditLeaf.Hash(entry.ToFacts()), entry.LeafHash, leafNodes.GetValueOrDefault(expected)) is { } found)
                {
                    return found;
                }

                expected++;
            }
        }

        return Missing(expected, null);
    }

    /// <summary>A leaf whose entry was removed at the end of its retention: only its kept hash remains to be checked against the heads.</summary>
    private AuditVerification? Removed(byte[] hash)
    {
        _stored.Append(hash);
        if (_nodesComplete)
        {
            _nodes.Append(hash);
        }

        return CheckHeads();
    }

    private AuditVerification? Leaf(long entry, long index, byte[] content, byte[]? stored, byte[]? node)
    {
        if (stored is not { Length: MerkleHash.Length })
        {
            return Named(entry, $"entry #{entry} (leaf {index}) has no valid stored leaf hash", null);
        }

        if (!content.AsSpan().SequenceEqual(stored))
        {
            _contentVsStored ??= (index, entry);
        }

        _stored.Append(stored);
        if (node is { Length: MerkleHash.Length } && _nodesComplete)
        {
            if (!content.AsSpan().SequenceEqual(node))
            {
                _contentVsNode ??= (index, entry);
            }

            if (!stored.AsSpan().SequenceEqual(node))
            {
                _storedVsNode ??= (index, entry);
            }

            _nodes.Append(node);
        }
        else
        {
            _nodesComplete = false;
        }

        return CheckHeads();
    }

    /// <summary>Checks every trusted head of the size the walk has reached.</summary>
    private AuditVerification? CheckHeads()
    {
        while (_next < heads.Count && heads[_next].Size == _stored.Size)
        {
            var head = heads[_next++];
            if (_stored.Root().AsSpan().SequenceEqual(head.Root))
            {
                if (_contentVsStored is { } altered)
                {
                    return Named(altered.Entry, $"entry #{altered.Entry} (leaf {altered.Leaf}) was altered: its content does not match its leaf, which the signed head of size {head.Size} covers", head);
                }

                _lastGood = head.Size;
                _checked++;
                continue;
            }

            if (_nodesComplete && _nodes.Root().AsSpan().SequenceEqual(head.Root))
            {
                return _contentVsNode is { } altered
                    ? Named(altered.Entry, $"entry #{altered.Entry} (leaf {altered.Leaf}) was altered and its stored leaf hash rewritten to match: its content does not match the leaf the head of size {head.Size} signed", head)
                    : Named(_storedVsNode!.Value.Entry, $"the stored leaf hash of entry #{_storedVsNode.Value.Entry} (leaf {_storedVsNode.Value.Leaf}) was altered; its content matches the signed leaf", head);
            }

            return Range(head, string.Create(CultureInfo.InvariantCulture,
                $"the log does not reproduce the signed head of size {head.Size}: leaves {_lastGood} to {head.Size - 1} were altered, removed or reordered"));
        }

        return null;
    }

    /// <summary>The walk ended at <paramref name="size"/> leaves (a gap, or the end): heads beyond it were cut off.</summary>
    private AuditVerification Missing(long size, string? gap)
    {
        if (_next < heads.Count)
        {
            var head = heads[_next];
            return Range(head, gap ?? string.Create(CultureInfo.InvariantCulture,
                $"the log holds {size} leaves, but a trusted head was signed for {head.Size}: the log was cut short"));
        }

        if (gap is not null)
        {
            return Range(null, gap);
        }

        if (_contentVsStored is { } altered)
        {
            return Named(altered.Entry, $"entry #{altered.Entry} (leaf {altered.Leaf}) does not match its stored leaf (no signed head covers it yet)", null);
        }

        var root = Convert.ToHexStringLower(_stored.Root());
        return new AuditVerification(true, _stored.Size, null, null, root, _stored.Size, root, _checked, PendingEntries: _pending);
    }

    private AuditVerification Named(long entry, string problem, TrustedHead? head)
    {
        var root = Convert.ToHexStringLower(_stored.Root());
        return new AuditVerification(false, _stored.Size, entry, problem, root, _stored.Size, root, _checked, head?.Size, head?.KeyId,
            null, _pending);
    }

    private AuditVerification Range(TrustedHead? head, string problem)
    {
        var root = Convert.ToHexStringLower(_stored.Root());
        return new AuditVerification(false, _stored.Size, null, problem, root, _stored.Size, root, _checked, head?.Size, head?.KeyId,
            _lastGood, _pending);
    }
}
