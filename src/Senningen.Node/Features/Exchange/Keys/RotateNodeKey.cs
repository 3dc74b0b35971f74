using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Exchange.Keys;

/// <summary>
/// Makes the node's next signing key and encryption key and publishes them at once; the node signs with it from <c>now + grace</c>. The key
/// it replaces stays valid at partners for one message lifetime after that (ADR 0028), so nothing signed before the
/// switch is refused, and partners that have not pinned the new key yet learn it from the set the old key signs.
/// </summary>
internal sealed class RotateNodeKey(SenningenDbContext db, NodeKeyRing ring, Outbox outbox, AuditLog audit, NodeSettings settings, TimeProvider clock)
{
    public const int MaxGraceSeconds = 30 * 24 * 3600;

    public async Task<NodeKeyChange> RotateAsync(TimeSpan grace, CancellationToken ct)
    {
        // Whole seconds: what is stored is exactly what the set publishes and partners compare.
        var now = KeySet.Truncate(clock.GetUtcNow());
        var rows = await NodeKeyRows.ReadAsync(db, ring, now, ct);
        if (ring.Keys(rows, now).Any(k => k.RevokedAt is null && k.NotBefore > now))
        {
            return new NodeKeyChange(null, Conflict: NodeKeyChange.RotationPending);
        }

        var next = ring.Create(now + grace, now);
        db.NodeKeys.Add(next);
        rows.Add(next);
        // The encryption key turns over with the signing key, on the same schedule (ADR 0029): one command, one overlap.
        var nextEncryption = ring.CreateEncryption(now + grace, now);
        db.NodeKeys.Add(nextEncryption);
        rows.Add(nextEncryption);
        audit.Add(new AuditRecord(AuditActions.NodeKeyRotated, AuditOutcomes.Success, [$"key:{next.KeyId}"],
            Detail: $"next key {next.KeyId} signs from {next.NotBefore:O} (encryption key {nextEncryption.KeyId}); the keys it replaces are accepted {ring.Overlap} longer"));
        var set = ring.Publish(ring.Keys(rows, now), settings.Country, now, ring.EncryptionKeys(rows, now));
        await NodeKeyRows.PushAsync(outbox, settings, set, now, ct);
        await db.SaveChangesAsync(ct);
        ring.Apply(rows);
        return new NodeKeyChange(set);
    }
}
