using Senningen.Core.Audit.Witness;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Audit.Witness.Data;

namespace Senningen.Node.Features.Audit.Witness.Messages;

/// <summary>
/// Publishing side of <c>audit.tree-head-confirmation</c>: a partner's verdict on one of this node's heads is kept when
/// the partner's signature and this node's own signature on the head both check. A refusal by the partner is raised
/// to this node's DPO: either the log was rewritten or cut, or something sent a head in this node's name.
/// </summary>
internal sealed class ConfirmationHandler(AuditLog audit, NodeSettings settings, PartnerLinks links, NodeSigningKey key,
    ChangeFeed<WitnessChanged> feed, TimeProvider clock) : IMessageHandler<TreeHeadConfirmationPayload>
{
    public Task HandleAsync(InboxMessage message, TreeHeadConfirmationPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var now = UnixMillisecondsConverter.Truncate(clock.GetUtcNow());
        var node = Actor.Node(settings);
        var records = new[] { $"message:{message.Id}" };
        var statement = WitnessStatements.About(message.Sender, settings.Country, p.Head, p.Rule, p.StatedAt);
        var partner = links.Trust.Find(message.Sender)!;
        string? problem = null;
        if (p.Rule is { Length: > 50 } || p.Rule?.Contains('\n', StringComparison.Ordinal) == true || statement.Verdict != p.Verdict
            || p.KeyId != partner.KeyId || !Es256.Verify(partner.PublicKey, statement.SignedBytes(), p.Signature))
        {
            problem = WitnessRules.StatementBadSignature;
        }
        else if (p.Head.Country != settings.Country.Value || p.Head.KeyId != key.KeyId || !TreeHeadSignatures.Verify(p.Head, key.Key))
        {
            problem = WitnessRules.StatementNotOurHead;
        }

        if (problem is not null)
        {
            Alarm(db, message, problem, $"verdict from {message.Sender} on a head of {p.Head.Size} entries refused under {problem}", now);
            audit.Add(new AuditRecord(AuditActions.AuditHeadConfirmationRefused, AuditOutcomes.Denied, records,
                Detail: $"verdict from {message.Sender} refused under {problem}"), node);
            return Task.CompletedTask;
        }

        db.HeadConfirmations.Add(new HeadConfirmationRow
        {
            Witness = message.Sender, Size = p.Head.Size, RootHash = p.Head.RootHash, HeadTimestamp = UnixMillisecondsConverter.Truncate(p.Head.Timestamp),
            HeadKeyId = p.Head.KeyId, HeadSignature = p.Head.Signature, Verdict = p.Verdict, Rule = p.Rule,
            StatedAt = UnixMillisecondsConverter.Truncate(p.StatedAt), KeyId = p.KeyId, Signature = p.Signature, ReceivedAt = now,
            ConversationId = message.ConversationId, MessageId = message.Id,
        });
        var consistent = p.Rule is null;
        if (!consistent)
        {
            Alarm(db, message, p.Rule!, $"{message.Sender} refused this node's head of {p.Head.Size} entries (root {p.Head.RootHash}) under {p.Rule}", now);
        }

        audit.Add(new AuditRecord(AuditActions.AuditHeadConfirmed, consistent ? AuditOutcomes.Success : AuditOutcomes.Failed, records,
            Detail: $"{message.Sender} {(consistent ? "confirmed" : $"refused under {p.Rule}")} this node's head of {p.Head.Size} entries, root {p.Head.RootHash}"), node);
        db.AfterCommit(() => feed.Publish(new WitnessChanged()));
        return Task.CompletedTask;
    }

    private void Alarm(SenningenDbContext db, InboxMessage message, string rule, string detail, DateTimeOffset now)
    {
        db.WitnessAlarms.Add(new WitnessAlarmRow { Partner = message.Sender, Rule = rule, Detail = detail, RaisedAt = now, MessageId = message.Id });
        db.AfterCommit(() => feed.Publish(new WitnessChanged()));
    }
}
