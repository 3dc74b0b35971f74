using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Exchange.Keys;

/// <summary>
/// Revokes one of the node's keys: the published set lists it as revoked and is pushed to every partner, which then
/// refuses it at once. Revoking the key the node signs with hands signing to the next key immediately, and messages
/// still queued under the revoked key are signed again, so they are not refused on arrival.
/// </summary>
internal sealed class RevokeNodeKey(SenningenDbContext db, NodeKeyRing ring, Outbox outbox, AuditLog audit, NodeSettings settings, TimeProvider clock)
{
    public async Task<NodeKeyChange> RevokeAsync(string keyId, CancellationToken ct)
    {
        var now = KeySet.Truncate(clock.GetUtcNow());
        var rows = await NodeKeyRows.ReadAsync(db, ring, now, ct);
        // An encryption key (ADR 0029) is revoked by the same rules: the one in use hands over to the next at once.
        var keys = ring.Keys(rows, now);
        var signing = keys.Any(k => k.KeyId == keyId);
        keys = signing ? keys : ring.EncryptionKeys(rows, now);
        if (keys.FirstOrDefault(k => k.KeyId == keyId) is not { } target)
        {
            return new NodeKeyChange(null, NotFound: true);
        }

        if (target.RevokedAt is not null)
        {
            return new NodeKeyChange(null, Conflict: NodeKeyChange.AlreadyRevoked);
        }

        if (NodeKeyRing.Signer(keys, now)?.KeyId == keyId)
        {
            if (keys.Where(k => k.RevokedAt is null && k.NotBefore > now).MinBy(k => k.NotBefore) is not { } next)
            {
                return new NodeKeyChange(null, Conflict: NodeKeyChange.OnlyCurrentKey);
            }

            rows.Single(r => r.KeyId == next.KeyId).NotBefore = now;
        }

        rows.Single(r => r.KeyId == keyId).RevokedAt = now;
        // The ring follows now, before the save: the push below and the messages signed again must not use the revoked key.
        ring.Apply(rows);
        if (signing)
        {
            await SignQueuedAgainAsync(keyId, ct);
        }

        audit.Add(new AuditRecord(AuditActions.NodeKeyRevoked, AuditOutcomes.Success, [$"key:{keyId}"], Detail: $"key {keyId} revoked"));
        var set = ring.Publish(ring.Keys(rows, now), settings.Country, now);
        await NodeKeyRows.PushAsync(outbox, settings, set, now, ct);
        await db.SaveChangesAsync(ct);
        return new NodeKeyChange(set);
    }

    private async Task SignQueuedAgainAsync(string keyId, CancellationToken ct)
    {
        var signer = ring.Current;
        foreach (var message in await db.Outbox.Where(m => m.Status == OutboxStatus.Queued && m.KeyId == keyId).ToListAsync(ct))
        {
            message.KeyId = signer.KeyId;
            message.Signature = Es256.Sign(signer.Key, CanonicalForm.Of(WireMapping.ToEnvelope(message, settings.Country)));
        }
    }
}
