using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Partner side of <c>operations.positions</c>: the track of foreign units on this territory, for the live map. Only the
/// home country that announced the operation sends them (<see cref="AlertOwnership"/>), and no more than
/// <see cref="MaxFixesPerMessage"/> at once nor <see cref="MaxFixesPerOperation"/> in all.
/// </summary>
internal sealed class PositionsHandler(AuditLog audit, NodeSettings settings, ChangeFeed<OperationsChange> feed)
    : IMessageHandler<PositionsPayload>, IMessageAdmission<PositionsPayload>
{
    /// <summary>The largest batch a unit may record at its home node (Senningen:Operations:MaxFixesPerBatch at most), forwarded whole.</summary>
    public const int MaxFixesPerMessage = 10_000;

    /// <summary>
    /// What this node keeps of one foreign operation's track: ten units with a fix every two seconds for fourteen hours.
    /// Beyond it the alert keeps its last position and the home node is told why.
    /// </summary>
    public const int MaxFixesPerOperation = 250_000;

    public async ValueTask<string?> RefusalAsync(CountryCode sender, PositionsPayload payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        if (payload.Fixes.Count > MaxFixesPerMessage)
        {
            return RejectionReasons.TooManyFixes;
        }

        return await AlertOwnership.RefusalAsync(db, payload.OperationId, sender, cancellationToken)
            ?? (await db.AlertFixes.CountAsync(f => f.OperationId == payload.OperationId, cancellationToken) + payload.Fixes.Count > MaxFixesPerOperation
                ? RejectionReasons.FixQuotaExceeded
                : null);
    }

    public async Task HandleAsync(InboxMessage message, PositionsPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var alerts = await AlertRows.OfOperationAsync(db, p.OperationId, cancellationToken);
        if (!AlertOwnership.Allows(alerts, message, p.OperationId, audit, settings, mustHaveOne: true))
        {
            return;
        }

        // Checked again here: several messages received at once each saw the count before the others were handled.
        var kept = await db.AlertFixes.CountAsync(f => f.OperationId == p.OperationId, cancellationToken)
            + db.ChangeTracker.Entries<AlertFix>().Count(e => e.State == EntityState.Added && e.Entity.OperationId == p.OperationId);
        if (kept + p.Fixes.Count > MaxFixesPerOperation)
        {
            audit.Add(new AuditRecord(AuditActions.MessageRefused, AuditOutcomes.Denied, [$"message:{message.Id}", $"operation:{p.OperationId}"],
                CaseReference: message.CaseReference,
                Detail: $"{message.Type} from {message.Sender}: {kept} fixes kept, {p.Fixes.Count} more: {RejectionReasons.FixQuotaExceeded}"),
                Actor.Node(settings));
            return;
        }

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
        foreach (var alert in alerts)
        {
            if (AlertWorkflow.IsOnScreen(alert.Status))
            {
                (alert.Lat, alert.Lon, alert.Heading, alert.Speed) = (latest.Lat, latest.Lon, latest.Heading, latest.Speed);
            }
        }

        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}
