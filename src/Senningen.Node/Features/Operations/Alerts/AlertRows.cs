using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Finds the alerts of a foreign operation, including those added earlier in the same unit of work: the inbox
/// handles a batch of messages (crossing, then positions) in one transaction.
/// </summary>
internal static class AlertRows
{
    public static async Task<List<Alert>> OfOperationAsync(SenningenDbContext db, Guid operationId, CancellationToken ct)
    {
        var stored = await db.Alerts.Where(a => a.OperationId == operationId).ToListAsync(ct);
        foreach (var pending in db.Alerts.Local.Where(a => a.OperationId == operationId))
        {
            if (!stored.Contains(pending))
            {
                stored.Add(pending);
            }
        }

        return stored;
    }

    /// <summary>Signals the console once the handler's unit of work has committed.</summary>
    public static void SignalAfterCommit(SenningenDbContext db, ChangeFeed<OperationsChange> feed, Guid operationId)
        => db.AfterCommit(() => feed.Publish(OperationsChange.AlertOf(operationId)));
}
