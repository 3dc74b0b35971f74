using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Home;

/// <summary>Home side of <c>operations.escalated</c>: the partner's zone did not acknowledge; its national desk has the alert.</summary>
internal sealed class EscalatedHandler(OperationsFeed feed) : IMessageHandler
{
    public string Type => EscalatedPayload.Type;

    public int Version => 1;

    public async Task HandleAsync(InboxMessage message, object payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var p = (EscalatedPayload)payload;
        var notice = await db.PartnerNotices.FirstOrDefaultAsync(
            n => n.OperationId == p.OperationId && n.Partner == message.Sender && n.Zone == p.Zone, cancellationToken);
        if (notice is null)
        {
            return;
        }

        notice.EscalatedAtMs = p.At.ToUnixTimeMilliseconds();
        OperationLog.Add(db, p.OperationId, p.At, EventKinds.Escalated, message.Sender, p.Zone);
        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
