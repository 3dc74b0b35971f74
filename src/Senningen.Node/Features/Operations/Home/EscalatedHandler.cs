using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Home;

/// <summary>Home side of <c>operations.escalated</c>: the partner's zone did not acknowledge; its national desk has the alert.</summary>
internal sealed class EscalatedHandler(ChangeFeed<OperationsChange> feed) : IMessageHandler<EscalatedPayload>, IMessageAdmission<EscalatedPayload>
{
    public ValueTask<string?> RefusalAsync(Core.Countries.CountryCode sender, EscalatedPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        NoticeReplies.RefusalAsync(db, sender, payload.OperationId, payload.Zone, cancellationToken);

    public Task HandleAsync(InboxMessage message, EscalatedPayload p, SenningenDbContext db, CancellationToken cancellationToken) =>
        NoticeReplies.RecordAsync(db, feed, message, new NoticeReply(p.OperationId, p.Zone, p.At,
            notice => notice.EscalatedAt = p.At, EventKinds.Escalated, [message.Sender.Value, p.Zone]), cancellationToken);
}
