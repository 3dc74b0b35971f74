using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Home;

/// <summary>A partner's answer to one of our notices: which notice, what it changes on it, and the timeline line it adds.</summary>
internal sealed record NoticeReply(Guid OperationId, string Zone, DateTimeOffset At, Action<PartnerNotice> Apply, string Kind, string[] Arguments);

/// <summary>
/// A partner's answer to one of our notices (acknowledged, escalated): records it on the notice and in the timeline,
/// whatever the operation's state (a late answer still belongs in the report's record).
/// An answer to a notice we do not have (not ours, or long gone) changes nothing; its inbox row and audit entry remain.
/// </summary>
internal static class NoticeReplies
{
    /// <summary>On receipt: a reply about a notice this node never sent to the sender is refused, so it learns why.</summary>
    public static async ValueTask<string?> RefusalAsync(SenningenDbContext db, CountryCode sender, Guid operationId, string zone, CancellationToken ct) =>
        await db.PartnerNotices.AsNoTracking().AnyAsync(n => n.OperationId == operationId && n.Partner == sender && n.Zone == zone, ct)
            ? null
            : Core.Exchange.RejectionReasons.NoSuchNotice;

    public static async Task RecordAsync(SenningenDbContext db, ChangeFeed<OperationsChange> feed, InboxMessage message, NoticeReply reply,
        CancellationToken ct)
    {
        var partner = message.Sender;
        var notice = await db.PartnerNotices.FirstOrDefaultAsync(
            n => n.OperationId == reply.OperationId && n.Partner == partner && n.Zone == reply.Zone, ct);
        if (notice is null)
        {
            return;
        }

        reply.Apply(notice);
        OperationLog.Add(db, reply.OperationId, reply.At, reply.Kind, reply.Arguments);
        AlertRows.SignalAfterCommit(db, feed, reply.OperationId);
    }
}
