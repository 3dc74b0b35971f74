using Microsoft.EntityFrameworkCore;
using Senningen.Core.Operations;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>Partner side of <c>operations.positions</c>: the track of foreign units on this territory, for the live map.</summary>
internal sealed class PositionsHandler(ChangeFeed<OperationsChange> feed) : IMessageHandler<PositionsPayload>
{
    public async Task HandleAsync(InboxMessage message, PositionsPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        // Fixes are told apart to the millisecond, as they are stored.
        var from = p.Fixes.Min(f => f.Time);
        var to = p.Fixes.Max(f => f.Time);
        var known = (await db.AlertFixes.Where(f => f.OperationId == p.OperationId && f.Time >= from && f.Time <= to)
                .Select(f => new { f.Unit, f.Time }).ToListAsync(cancellationToken))
            .Select(k => (k.Unit, k.Time)).ToHashSet();
        foreach (var pending in db.AlertFixes.Local.Where(f => f.OperationId == p.OperationId))
        {
            known.Add((pending.Unit, UnixMillisecondsConverter.Truncate(pending.Time)));
        }

        foreach (var fix in p.Fixes)
        {
            if (known.Add((fix.Unit, UnixMillisecondsConverter.Truncate(fix.Time))))
            {
                db.AlertFixes.Add(new AlertFix
                {
                    OperationId = p.OperationId, Unit = fix.Unit, Time = fix.Time, Lat = fix.Lat, Lon = fix.Lon,
                    Speed = fix.Speed, Heading = fix.Heading,
                });
            }
        }

        var latest = p.Fixes.MaxBy(f => f.Time)!;
        foreach (var alert in await AlertRows.OfOperationAsync(db, p.OperationId, cancellationToken))
        {
            if (AlertWorkflow.IsOnScreen(alert.Status))
            {
                (alert.Lat, alert.Lon, alert.Heading, alert.Speed) = (latest.Lat, latest.Lon, latest.Heading, latest.Speed);
            }
        }

        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
