using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Messages;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>Partner side of <c>operations.left</c>: a unit left this territory; alerts of zones now empty are closed.</summary>
internal sealed class LeftHandler(OperationsFeed feed, TimeProvider clock) : IMessageHandler
{
    public string Type => LeftPayload.Type;

    public int Version => 1;

    public async Task HandleAsync(InboxMessage message, object payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var p = (LeftPayload)payload;
        var alerts = await AlertRows.OfOperationAsync(db, p.OperationId, cancellationToken);
        AlertClosing.CloseUnoccupied(alerts, p.OccupiedZones, clock.GetUtcNow().ToUnixTimeMilliseconds());
        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
