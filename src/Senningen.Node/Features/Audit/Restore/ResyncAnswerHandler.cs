using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Audit.Witness;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Audit.Witness;
using Senningen.Node.Features.Audit.Witness.Data;

namespace Senningen.Node.Features.Audit.Restore;

/// <summary>
/// Restored side of <c>exchange.resync-answer</c>: the head of this log a partner holds is checked against the log as it
/// is now. A restored log is a prefix of what partners witnessed, so a head larger than it means entries were lost with
/// the restore, and no proof can show what they said: that is raised to the DPO (a witness alarm naming the sizes) and
/// audited, never passed over. A head the log reproduces is audited as consistent.
/// </summary>
internal sealed class ResyncAnswerHandler(AuditLog audit, NodeSettings settings, NodeSigningKey key, ChangeFeed<WitnessChanged> feed, TimeProvider clock)
    : IMessageHandler<ResyncAnswerPayload>
{
    public async Task HandleAsync(InboxMessage message, ResyncAnswerPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var partner = message.Sender;
        var resent = $"{partner} sends again {p.Resent} messages since {p.Since:O}{(p.Withheld > 0 ? $" ({p.Withheld} beyond its bound)" : "")}{(p.Refusal is null ? "" : $", refused: {p.Refusal}")}";
        var size = await db.AuditEntries.LongCountAsync(e => e.LeafIndex != null, cancellationToken);
        var (rule, finding) = await CheckAsync(db, p, size, cancellationToken);
        if (rule is not null)
        {
            db.WitnessAlarms.Add(new WitnessAlarmRow
            {
                Partner = partner, Rule = rule, Detail = finding, RaisedAt = UnixMillisecondsConverter.Truncate(clock.GetUtcNow()), MessageId = message.Id,
            });
            db.AfterCommit(() => feed.Publish(new WitnessChanged()));
        }

        audit.Add(new AuditRecord(AuditActions.AuditRestoreChecked, rule is null ? AuditOutcomes.Success : AuditOutcomes.Failed, [$"message:{message.Id}"],
            Detail: $"{finding}; {resent}"), Actor.Node(settings));
    }

    private async Task<(string? Rule, string Finding)> CheckAsync(SenningenDbContext db, ResyncAnswerPayload p, long size, CancellationToken ct)
    {
        if (p.HeldHead is not { } head)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"the partner holds no head of this log; it holds {size} entries"));
        }

        if (head.Country != settings.Country.Value || head.KeyId != key.KeyId || !TreeHeadSignatures.Verify(head, key.Key))
        {
            return (WitnessRules.StatementNotOurHead, string.Create(CultureInfo.InvariantCulture,
                $"the head of {head.Size} entries the partner holds is not signed by this node's key"));
        }

        if (head.Size > size)
        {
            return (WitnessRules.LogBehindPartner, string.Create(CultureInfo.InvariantCulture,
                $"the partner holds this node's head of {head.Size} entries (root {head.RootHash}, signed {head.Timestamp:O}); the restored log holds {size}: {head.Size - size} entries signed before the restore are missing"));
        }

        var root = head.Size == 0 ? null : await AuditTreeNodes.WithNodesAsync(db, MerkleProofs.RootNodes(head.Size), n => MerkleProofs.Root(head.Size, n), ct);
        return root is not null && string.Equals(Convert.ToHexStringLower(root), head.RootHash, StringComparison.Ordinal)
            ? (null, string.Create(CultureInfo.InvariantCulture, $"the log of {size} entries reproduces the head of {head.Size} the partner holds"))
            : (WitnessRules.PartnerHeadNotInLog, string.Create(CultureInfo.InvariantCulture,
                $"the log of {size} entries does not reproduce the head of {head.Size} entries the partner holds (root {head.RootHash}): it grew again from an older state"));
    }
}
