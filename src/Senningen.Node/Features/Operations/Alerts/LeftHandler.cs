using Senningen.Core.Operations;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>Partner side of <c>operations.left</c>: a unit left this territory; alerts of zones now empty are closed.</summary>
internal sealed class LeftHandler(ChangeFeed<OperationsChange> feed, TimeProvider clock) : IMessageHandler<LeftPayload>
{
    public async Task HandleAsync(InboxMessage message, LeftPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var alerts = await AlertRows.OfOperationAsync(db, p.OperationId, cancellationToken);
        AlertClosing.CloseUnoccupied(alerts, p.OccupiedZones, AlertAction.Leave, clock.GetUtcNow());
        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
