using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Report;

/// <summary>Collects the facts of an ended operation from the store, with the track thinned to a printable length.</summary>
internal static class ReportFactsBuilder
{
    public const int MaxTrackPoints = 400;

    public static async Task<ReportFacts> BuildAsync(SenningenDbContext db, Operation o, CancellationToken ct)
    {
        var crossings = await db.OperationCrossings.AsNoTracking().Where(c => c.OperationId == o.Id).OrderBy(c => c.At).ToListAsync(ct);
        var notices = await db.PartnerNotices.AsNoTracking().Where(n => n.OperationId == o.Id).OrderBy(n => n.SentAt).ToListAsync(ct);
        var events = await db.OperationEvents.AsNoTracking().Where(e => e.OperationId == o.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        events.AddRange(db.OperationEvents.Local.Where(e => e.OperationId == o.Id && e.Id == 0));
        var fixes = await db.UnitFixes.AsNoTracking().Where(f => f.OperationId == o.Id).OrderBy(f => f.Time).ToListAsync(ct);
        var count = fixes.Count;
        var step = Math.Max(1, count / MaxTrackPoints);
        return new ReportFacts(o.Id, o.Type, o.HomeCountry.Value, o.HomeZone, o.CaseReference,
            [.. o.Units.Select(u => u.Vehicle is null ? u.CallSign : $"{u.CallSign} ({u.Vehicle})")], OperationReader.Lines(o.Vehicles),
            o.Suspect, o.Reason, o.StartedAt, o.StartedBy, o.EndedAt ?? o.StartedAt, o.Outcome ?? "", o.EndNote,
            [.. crossings.Select(c => new ReportCrossing(c.Unit, c.FromCountry.Value, c.ToCountry.Value, c.FromZone, c.ToZone, c.At, c.Lat, c.Lon))],
            [.. notices.Select(n => new ReportNotice(n.Partner.Value, n.Zone, n.SentAt, n.AcknowledgedAt, n.AcknowledgedBy, n.EscalatedAt))],
            [.. events.OrderBy(e => e.At).Select(e => new ReportEvent(e.At, e.Kind, OperationLog.ArgumentsOf(e)))],
            count,
            [.. fixes.Where((_, i) => i % step == 0).Select(f => new ReportFix(f.Unit, f.Time, f.Lat, f.Lon))]);
    }
}
