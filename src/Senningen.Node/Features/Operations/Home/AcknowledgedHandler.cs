using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Home;

/// <summary>Home side of <c>operations.acknowledged</c>: the partner's control room has seen the crossing.</summary>
internal sealed class AcknowledgedHandler(OperationsFeed feed) : IMessageHandler
{
    public string Type => AcknowledgedPayload.Type;

    public int Version => 1;

    public async Task HandleAsync(InboxMessage message, object payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var p = (AcknowledgedPayload)payload;
        var notice = await db.PartnerNotices.FirstOrDefaultAsync(
            n => n.OperationId == p.OperationId && n.Partner == message.Sender && n.Zone == p.Zone, cancellationToken);
        if (notice is null)
        {
            // Not ours (or long gone): nothing to record against; the inbox row and audit entry remain.
            return;
        }

        notice.AcknowledgedAtMs = p.At.ToUnixTimeMilliseconds();
        notice.AcknowledgedBy = $"{p.By} ({p.ControlRoom})";
        OperationLog.Add(db, p.OperationId, p.At, EventKinds.Acknowledged, message.Sender, p.Zone, p.By);
        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
