using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Exchange.Keys;

/// <summary>What a rotation or revocation comes to: the new published set, or the rule that stopped it.</summary>
internal sealed record NodeKeyChange(SignedKeySet? Set, bool NotFound = false, string? Conflict = null)
{
    /// <summary>A key may not be revoked twice: its revocation time is what partners compare.</summary>
    public const string AlreadyRevoked = "key-already-revoked";

    /// <summary>Revoking the key the node signs with needs a next key to take over, or the node could sign nothing.</summary>
    public const string OnlyCurrentKey = "revoke-needs-next-key";

    /// <summary>One rotation at a time: a next key that has not started yet must start (or be revoked) first.</summary>
    public const string RotationPending = "rotation-pending";
}

/// <summary>What rotation and revocation share: the rows every instance reads, and telling each partner the new set.</summary>
internal static class NodeKeyRows
{
    /// <summary>The rows, with the file's key among them: a key with a history (successor, revocation) needs its row.</summary>
    public static async Task<List<NodeKey>> ReadAsync(SenningenDbContext db, NodeKeyRing ring, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.NodeKeys, ct);
        var anchor = ring.AnchorRow(now);
        if (!rows.Any(r => r.KeyId == anchor.KeyId))
        {
            db.NodeKeys.Add(anchor);
            rows.Add(anchor);
        }

        return rows;
    }

    /// <summary>Pushes the set to every partner through the outbox, in the same unit of work as the change.</summary>
    public static async Task PushAsync(Outbox outbox, Common.Configuration.NodeSettings settings, SignedKeySet set, DateTimeOffset now, CancellationToken ct)
    {
        var wire = KeySetMapping.ToWire(set, now);
        foreach (var partner in settings.Partners)
        {
            await outbox.EnqueueAsync(partner.Country, KeySetHandler.Type, 1, wire, cancellationToken: ct);
        }
    }
}
