using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// The log's Merkle tree as the sequencer stored it: signed heads, inclusion and consistency proofs made from O(log n)
/// stored nodes fetched in one query, and the check of the whole log against trusted heads (<see cref="AuditTreeVerifier"/>).
/// </summary>
public sealed class AuditTree(SenningenDbContext db, NodeSigningKey key, NodeSettings settings)
{
    public async Task<SignedTreeHead?> LatestHeadAsync(CancellationToken ct)
    {
        var row = await db.AuditTreeHeads.AsNoTracking().OrderByDescending(h => h.Size).FirstOrDefaultAsync(ct);
        return row is null ? null : ToContract(row);
    }

    /// <summary>The head this node signed at exactly <paramref name="size"/> leaves, if it signed one there.</summary>
    public async Task<SignedTreeHead?> HeadAsync(long size, CancellationToken ct)
    {
        var row = await db.AuditTreeHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Size == size, ct);
        return row is null ? null : ToContract(row);
    }

    /// <summary>RFC 9162 consistency proof from <paramref name="fromSize"/> to <paramref name="toSize"/> leaves (1 ≤ from ≤ to ≤ tree size).</summary>
    public async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long fromSize, long toSize, CancellationToken ct)
    {
        var proof = await AuditTreeNodes.WithNodesAsync(db, MerkleProofs.ConsistencyNodes(fromSize, toSize),
            node => MerkleProofs.Consistency(fromSize, toSize, node), ct);
        return proof ?? throw new ArgumentOutOfRangeException(nameof(toSize), $"The tree has not grown to {toSize} leaves.");
    }

    /// <summary>Inclusion proof of entry <paramref name="entryId"/> in the tree of <paramref name="treeSize"/> leaves; null when that tree does not hold it.</summary>
    public async Task<InclusionProof?> InclusionProofAsync(long entryId, long treeSize, CancellationToken ct)
    {
        var leaf = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == entryId && e.LeafIndex != null)
            .Select(e => new { e.LeafIndex, e.LeafHash }).FirstOrDefaultAsync(ct);
        if (leaf is not { LeafIndex: { } index, LeafHash: { } hash } || index >= treeSize)
        {
            return null;
        }

        var path = await AuditTreeNodes.WithNodesAsync(db, MerkleProofs.InclusionNodes(index, treeSize),
            node => MerkleProofs.Inclusion(index, treeSize, node), ct);
        return path is null ? null
            : new InclusionProof(entryId, index, treeSize, Convert.ToHexStringLower(hash), [.. path.Select(Convert.ToHexStringLower)]);
    }

    /// <summary>
    /// Walks the whole log against the heads this node signed (those its key verifies) and <paramref name="trustedHeads"/>
    /// (heads partners hold, say), and names the first entry or head that does not fit.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(IReadOnlyList<SignedTreeHead> trustedHeads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(trustedHeads);
        var heads = new List<TrustedHead>();
        await foreach (var row in db.AuditTreeHeads.AsNoTracking().OrderBy(h => h.Size).AsAsyncEnumerable().WithCancellation(ct))
        {
            var signed = ToContract(row);
            if (string.Equals(row.Country, settings.Country.Value, StringComparison.Ordinal) && TreeHeadSignatures.Verify(signed, key.Key))
            {
                heads.Add(new TrustedHead(row.Size, row.RootHash, row.KeyId));
            }
        }

        foreach (var head in trustedHeads)
        {
            if (TreeHeadSignatures.Read(head) is { } read)
            {
                heads.Add(new TrustedHead(read.Size, read.RootHash, head.KeyId));
            }
        }

        var pending = await db.AuditEntries.LongCountAsync(e => e.LeafIndex == null, ct);
        return await new AuditTreeVerifier(db, [.. heads.OrderBy(h => h.Size)]).RunAsync(pending, ct);
    }

    internal static SignedTreeHead ToContract(AuditTreeHead row) => new(row.Country, row.Size, Convert.ToHexStringLower(row.RootHash),
        DateTimeOffset.FromUnixTimeMilliseconds(row.TimestampUnixMs), row.KeyId, row.Signature);
}

/// <summary>A head whose signature was checked (or that a caller vouches for): the tree of <see cref="Size"/> leaves has <see cref="Root"/>.</summary>
internal sealed record TrustedHead(long Size, byte[] Root, string KeyId);
