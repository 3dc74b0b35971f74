using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Home;

/// <summary>
/// A partner's answer to one of our notices (acknowledged, escalated): records it on the notice and in the timeline.
/// An answer to a notice we do not have (not ours, or long gone) changes nothing; its inbox row and audit entry remain.
/// </summary>
internal static class NoticeReplies
{
    public static async Task RecordAsync(SenningenDbContext db, ChangeFeed<OperationsChange> feed, InboxMessage message, Guid operationId, string zone,
        DateTimeOffset at, Action<PartnerNotice> apply, string kind, string[] arguments, CancellationToken ct)
    {
        var notice = await db.PartnerNotices.FirstOrDefaultAsync(
            n => n.OperationId == operationId && n.Partner == message.Sender.Value && n.Zone == zone, ct);
        if (notice is null)
        {
            return;
        }

        apply(notice);
        OperationLog.Add(db, operationId, at, kind, arguments);
        AlertRows.SignalAfterCommit(db, feed, operationId);
    }
}
