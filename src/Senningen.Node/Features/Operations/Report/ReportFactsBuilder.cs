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
        var crossings = await db.OperationCrossings.AsNoTracking().Where(c => c.OperationId == o.Id).OrderBy(c => c.AtMs).ToListAsync(ct);
        var notices = await db.PartnerNotices.AsNoTracking().Where(n => n.OperationId == o.Id).OrderBy(n => n.SentAtMs).ToListAsync(ct);
        var events = await db.OperationEvents.AsNoTracking().Where(e => e.OperationId == o.Id).OrderBy(e => e.AtMs).ThenBy(e => e.Id).ToListAsync(ct);
        events.AddRange(db.OperationEvents.Local.Where(e => e.OperationId == o.Id && e.Id == 0));
        var fixes = await db.UnitFixes.AsNoTracking().Where(f => f.OperationId == o.Id).OrderBy(f => f.TimeMs).ToListAsync(ct);
        var count = fixes.Count;
        var step = Math.Max(1, count / MaxTrackPoints);
        return new ReportFacts(o.Id, o.Type, o.HomeCountry, o.HomeZone, o.CaseReference,
            [.. o.Units.Select(u => u.Vehicle is null ? u.CallSign : $"{u.CallSign} ({u.Vehicle})")], OperationReader.Lines(o.Vehicles),
            o.Suspect, o.Reason, Time(o.StartedAtMs), o.StartedBy, Time(o.EndedAtMs ?? o.StartedAtMs), o.Outcome ?? "", o.EndNote,
            [.. crossings.Select(c => new ReportCrossing(c.Unit, c.FromCountry, c.ToCountry, c.FromZone, c.ToZone, Time(c.AtMs), c.Lat, c.Lon))],
            [.. notices.Select(n => new ReportNotice(n.Partner, n.Zone, Time(n.SentAtMs), Opt(n.AcknowledgedAtMs), n.AcknowledgedBy, Opt(n.EscalatedAtMs)))],
            [.. events.OrderBy(e => e.AtMs).Select(e => new ReportEvent(Time(e.AtMs), e.Kind, OperationLog.ArgumentsOf(e)))],
            count,
            [.. fixes.Where((_, i) => i % step == 0).Select(f => new ReportFix(f.Unit, Time(f.TimeMs), f.Lat, f.Lon))]);
    }

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? Opt(long? ms) => ms is { } v ? Time(v) : null;
}
