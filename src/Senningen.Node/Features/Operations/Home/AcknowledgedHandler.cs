using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Home;

/// <summary>Home side of <c>operations.acknowledged</c>: the partner's control room has seen the crossing.</summary>
internal sealed class AcknowledgedHandler(ChangeFeed<OperationsChange> feed) : IMessageHandler<AcknowledgedPayload>, IMessageAdmission<AcknowledgedPayload>
{
    public ValueTask<string?> RefusalAsync(Core.Countries.CountryCode sender, AcknowledgedPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        NoticeReplies.RefusalAsync(db, sender, payload.OperationId, payload.Zone, cancellationToken);

    public Task HandleAsync(InboxMessage message, AcknowledgedPayload p, SenningenDbContext db, CancellationToken cancellationToken) =>
        NoticeReplies.RecordAsync(db, feed, message, new NoticeReply(p.OperationId, p.Zone, p.At,
            notice => (notice.AcknowledgedAt, notice.AcknowledgedBy) = (p.At, $"{p.By} ({p.ControlRoom})"),
            EventKinds.Acknowledged, [message.Sender.Value, p.Zone, p.By]), cancellationToken);
}
