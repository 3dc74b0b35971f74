using System.Text.Json;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Core.Operations;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Partner side of <c>operations.ended</c>: every alert of the operation is closed and keeps the report; only the
/// operation's home country may end it (<see cref="AlertOwnership"/>).
/// </summary>
internal sealed class EndedHandler(AuditLog audit, NodeSettings settings, ChangeFeed<OperationsChange> feed, TimeProvider clock)
    : IMessageHandler<EndedPayload>, IMessageAdmission<EndedPayload>
{
    public ValueTask<string?> RefusalAsync(CountryCode sender, EndedPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        AlertOwnership.RefusalAsync(db, payload.OperationId, sender, cancellationToken);

    public async Task HandleAsync(InboxMessage message, EndedPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var alerts = await AlertRows.OfOperationAsync(db, p.OperationId, cancellationToken);
        if (!AlertOwnership.Allows(alerts, message, p.OperationId, audit, settings))
        {
            return;
        }

        AlertClosing.CloseUnoccupied(alerts, [], AlertAction.End, clock.GetUtcNow());
        var report = JsonSerializer.Serialize(p.Report, WireMapping.Json);
        foreach (var alert in alerts)
        {
            alert.Report = report;
        }

        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
