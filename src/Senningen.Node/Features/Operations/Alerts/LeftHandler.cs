using Senningen.Core.Countries;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Partner side of <c>operations.left</c>: a unit left this territory; alerts of zones now empty are closed. Only the
/// operation's home country may say so (<see cref="AlertOwnership"/>).
/// </summary>
internal sealed class LeftHandler(AuditLog audit, NodeSettings settings, ChangeFeed<OperationsChange> feed, TimeProvider clock)
    : IMessageHandler<LeftPayload>, IMessageAdmission<LeftPayload>
{
    public ValueTask<string?> RefusalAsync(CountryCode sender, LeftPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        AlertOwnership.RefusalAsync(db, payload.OperationId, sender, cancellationToken);

    public async Task HandleAsync(InboxMessage message, LeftPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var alerts = await AlertRows.OfOperationAsync(db, p.OperationId, cancellationToken);
        if (!AlertOwnership.Allows(alerts, message, p.OperationId, audit, settings))
        {
            return;
        }

        AlertClosing.CloseUnoccupied(alerts, p.OccupiedZones, AlertAction.Leave, clock.GetUtcNow());
        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
