using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Home;

/// <summary>Home side of <c>operations.escalated</c>: the partner's zone did not acknowledge; its national desk has the alert.</summary>
internal sealed class EscalatedHandler(OperationsFeed feed) : IMessageHandler
{
    public string Type => EscalatedPayload.Type;

    public int Version => 1;

    public Task HandleAsync(InboxMessage message, object payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var p = (EscalatedPayload)payload;
        return NoticeReplies.RecordAsync(db, feed, message, p.OperationId, p.Zone, p.At,
            notice => notice.EscalatedAtMs = p.At.ToUnixTimeMilliseconds(), EventKinds.Escalated, [message.Sender, p.Zone], cancellationToken);
    }
}
