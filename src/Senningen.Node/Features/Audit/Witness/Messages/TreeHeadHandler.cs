using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Audit.Witness;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Audit.Witness.Data;

namespace Senningen.Node.Features.Audit.Witness.Messages;

/// <summary>
/// Witness side of <c>audit.tree-head</c>: a partner's head is checked against the partner's trusted key and against the
/// head held for it. A good one is kept; a bad one is refused under a named rule, audited once and raised to the DPO, and
/// the head held stays. Either way the partner gets this node's signed verdict back in the same conversation.
/// </summary>
internal sealed class TreeHeadHandler(AuditLog audit, NodeSettings settings, PartnerLinks links, NodeSigningKey key, Outbox outbox,
    ChangeFeed<WitnessChanged> feed, TimeProvider clock) : IMessageHandler<TreeHeadPayload>
{
    public async Task HandleAsync(InboxMessage message, TreeHeadPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var now = UnixMillisecondsConverter.Truncate(clock.GetUtcNow());
        var held = await HeldAsync(db, message.Sender, cancellationToken);
        var (incoming, rule) = HeadReading.Read(p.Head);
        rule ??= Check(message, p, incoming!, held);
        var node = Actor.Node(settings);
        var records = new[] { $"message:{message.Id}" };
        if (rule is null)
        {
            if (held is null || held.Size != p.Head.Size || held.Timestamp != p.Head.Timestamp)
            {
                db.WitnessedHeads.Add(new WitnessedHeadRow
                {
                    Country = message.Sender, Size = p.Head.Size, RootHash = p.Head.RootHash, Timestamp = UnixMillisecondsConverter.Truncate(p.Head.Timestamp),
                    KeyId = p.Head.KeyId, Signature = p.Head.Signature, ReceivedAt = now, MessageId = message.Id,
                });
            }

            audit.Add(new AuditRecord(AuditActions.AuditHeadWitnessed, AuditOutcomes.Success, records,
                Detail: $"{message.Sender} head of {p.Head.Size} entries, root {p.Head.RootHash}: consistent with {held?.Size ?? 0} held"), node);
        }
        else
        {
            var detail = $"{message.Sender} head of {p.Head.Size} entries, root {Clip(p.Head.RootHash)}: refused under {rule}; " +
                $"{held?.Size ?? 0} entries held, root {held?.RootHash ?? "-"}";
            db.WitnessAlarms.Add(new WitnessAlarmRow { Partner = message.Sender, Rule = rule, Detail = detail, RaisedAt = now, MessageId = message.Id });
            audit.Add(new AuditRecord(AuditActions.AuditHeadRefused, AuditOutcomes.Denied, records, Detail: detail), node);
        }

        await outbox.EnqueueAsync(message.Sender, TreeHeadConfirmationPayload.Type, 1, Verdict(message, p.Head, rule, now),
            message.ConversationId, actor: node, cancellationToken: cancellationToken);
        db.AfterCommit(() => feed.Publish(new WitnessChanged()));
    }

    // The latest head held for the partner, including one taken earlier in this same batch and not saved yet.
    private static async Task<WitnessedHeadRow?> HeldAsync(SenningenDbContext db, Core.Countries.CountryCode partner, CancellationToken ct)
    {
        var stored = await db.WitnessedHeads.AsNoTracking().Where(h => h.Country == partner)
            .OrderByDescending(h => h.Size).ThenByDescending(h => h.Timestamp).FirstOrDefaultAsync(ct);
        return db.WitnessedHeads.Local.Where(h => h.Country == partner).Append(stored).OfType<WitnessedHeadRow>()
            .OrderByDescending(h => h.Size).ThenByDescending(h => h.Timestamp).FirstOrDefault();
    }

    private string? Check(InboxMessage message, TreeHeadPayload p, TreeHead incoming, WitnessedHeadRow? held)
    {
        if (!string.Equals(p.Head.Country, message.Sender.Value, StringComparison.Ordinal))
        {
            return WitnessRules.CountryNotSender;
        }

        var partner = links.Trust.Find(message.Sender)!;
        if (!string.Equals(p.Head.KeyId, partner.KeyId, StringComparison.Ordinal))
        {
            return WitnessRules.KeyUnknown;
        }

        if (!Es256.Verify(partner.PublicKey, incoming.SignedBytes(), p.Head.Signature))
        {
            return WitnessRules.BadSignature;
        }

        if (HeadReading.Proof(p.Proof) is not { } proof)
        {
            return WitnessRules.ProofMalformed;
        }

        var heldHead = held is null ? null
            : new TreeHead(held.Country.Value, held.Size, Convert.FromHexString(held.RootHash), held.Timestamp.ToUnixTimeMilliseconds());
        return HeadWitness.Check(heldHead, incoming, p.FromSize, proof);
    }

    private TreeHeadConfirmationPayload Verdict(InboxMessage message, SignedTreeHead head, string? rule, DateTimeOffset now)
    {
        var statement = WitnessStatements.About(settings.Country, message.Sender, head, rule, now);
        return new TreeHeadConfirmationPayload(head, statement.Verdict, rule, now, key.KeyId, Es256.Sign(key.Key, statement.SignedBytes()));
    }

    private static string Clip(string? text) => text is { Length: > 64 } ? text[..64] : text ?? "";
}
