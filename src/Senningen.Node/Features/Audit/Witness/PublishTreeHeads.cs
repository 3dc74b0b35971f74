using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Witness;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Audit.Witness.Data;
using Senningen.Node.Features.Audit.Witness.Messages;

namespace Senningen.Node.Features.Audit.Witness;

/// <summary>
/// Sends this node's latest signed tree head to every partner, each with the consistency proof from the last head that
/// partner confirmed. A partner that has not yet answered the previous head is skipped until it does (or that message
/// expires): a new head sent meanwhile would carry a proof from a size the partner may no longer hold.
/// </summary>
public sealed class PublishTreeHeads(SenningenDbContext db, AuditTree tree, Outbox outbox, AuditLog audit, NodeSettings settings, TimeProvider clock)
{
    public Task<SignedTreeHead?> LatestHeadAsync(CancellationToken ct) => tree.LatestHeadAsync(ct);

    public async Task<TreeHeadsPublished> RunAsync(Actor? actor, CancellationToken ct)
    {
        var head = await tree.LatestHeadAsync(ct);
        if (head is null)
        {
            return new TreeHeadsPublished(null, [], []);
        }

        var now = clock.GetUtcNow();
        List<string> sent = [], awaiting = [];
        foreach (var partner in settings.Partners.Select(p => p.Country).OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var last = await db.Outbox.AsNoTracking().Where(m => m.Type == TreeHeadPayload.Type && m.Recipient == partner)
                .OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync(ct);
            if (last is not null && last.Status is OutboxStatus.Queued or OutboxStatus.Receipted && last.ExpiresAt > now
                && !await db.HeadConfirmations.AnyAsync(c => c.ConversationId == last.ConversationId, ct))
            {
                awaiting.Add(partner.Value);
                continue;
            }

            var confirmed = await db.HeadConfirmations.Where(c => c.Witness == partner && c.Verdict == WitnessStatement.Consistent)
                .MaxAsync(c => (long?)c.Size, ct);
            // Proof only where there is one: a confirmed size above the head (the log was cut) is sent as is for the partner to refuse.
            var proof = confirmed is > 0 and var from && from < head.Size ? await tree.ConsistencyProofAsync(from, head.Size, ct) : [];
            await outbox.EnqueueAsync(partner, TreeHeadPayload.Type, 1, new TreeHeadPayload(head, confirmed is > 0 ? confirmed : null,
                [.. proof.Select(Convert.ToHexStringLower)]), actor: actor, cancellationToken: ct);
            sent.Add(partner.Value);
        }

        audit.Add(new AuditRecord(AuditActions.AuditHeadsPublished, AuditOutcomes.Success,
            Detail: $"head of {head.Size} entries, root {head.RootHash}; sent to {Names(sent)}; awaiting a verdict from {Names(awaiting)}"), actor);
        await db.SaveChangesAsync(ct);
        return new TreeHeadsPublished(head, sent, awaiting);
    }

    private static string Names(List<string> countries) => countries.Count == 0 ? "none" : string.Join(", ", countries);
}
