using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Core.Operations;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Views of foreign operations on this territory, with the control room, talk group and the treaty's rules in the
/// reader's language. An alert describes a suspect, so every read of it is audited.
/// </summary>
public sealed class AlertReader(SenningenDbContext db, AuditLog audit, ZoneDirectory zones, TreatyCatalogue catalogue, TimeProvider clock)
{
    public const int TrackLength = 300;

    public async Task<AlertView?> GetAsync(Guid id, string language, Actor? auditFor, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return null;
        }

        var track = await TrackAsync(alert.OperationId, ct);
        if (auditFor is not null)
        {
            await AuditReadAsync([alert.Id], alert.CaseReference, auditFor, ct);
        }

        return ToView(alert, track, language);
    }

    /// <summary>
    /// Whom an alert belongs to for need to know: the control room of the zone the partner's unit entered (and the desk);
    /// no unit of this node started it.
    /// </summary>
    public static Owner OwnerOf(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Owner.Of(null, alert.Zone);
    }

    /// <summary>The alert's owner; null when there is no such alert.</summary>
    public async Task<Owner?> OwnerAsync(Guid id, CancellationToken ct) =>
        await db.Alerts.AsNoTracking().Where(a => a.Id == id).Select(a => a.Zone).FirstOrDefaultAsync(ct) is { } zone ? Owner.Of(null, zone) : null;

    /// <summary>Open, acknowledged and escalated alerts within <paramref name="scope"/>, newest first, plus those closed in the last <paramref name="closedWithin"/>.</summary>
    public async Task<IReadOnlyList<AlertView>> ListAsync(AccessScope scope, string language, TimeSpan closedWithin, bool escalatedOnly, PageRequest page,
        CancellationToken ct)
    {
        var since = clock.GetUtcNow() - closedWithin;
        var query = db.Alerts.AsNoTracking().Within(scope, a => null, a => a.Zone).Where(a => a.Status != AlertStatus.Closed || a.ClosedAt >= since);
        if (escalatedOnly)
        {
            query = query.Where(a => a.Escalated);
        }

        var alerts = await query.PageBy(page, newestFirst: true, a => a.ReceivedAt, a => a.Id).ToListAsync(ct);
        return await ViewsAsync(alerts, language, ct);
    }

    /// <summary>The views of alerts already read, in their order, each with its track.</summary>
    public async Task<IReadOnlyList<AlertView>> ViewsAsync(IReadOnlyList<Alert> alerts, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        // An operation seen in several zones has an alert per zone and one track: read each track once.
        var tracks = new Dictionary<Guid, List<PositionView>>();
        var views = new List<AlertView>(alerts.Count);
        foreach (var alert in alerts)
        {
            if (!tracks.TryGetValue(alert.OperationId, out var track))
            {
                tracks[alert.OperationId] = track = await TrackAsync(alert.OperationId, ct);
            }

            views.Add(ToView(alert, track, language));
        }

        return views;
    }

    public async Task AuditReadAsync(IReadOnlyList<Guid> ids, string? caseReference, Actor actor, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.AlertRead, AuditOutcomes.Success, [.. ids.Select(i => $"alert:{i}")],
            CaseReference: caseReference), actor, ct);
    }

    private async Task<List<PositionView>> TrackAsync(Guid operationId, CancellationToken ct) =>
        [.. (await db.AlertFixes.AsNoTracking().Where(f => f.OperationId == operationId).OrderByDescending(f => f.Time).Take(TrackLength)
                .ToListAsync(ct))
            .OrderBy(f => f.Time).Select(f => new PositionView(f.Lat, f.Lon, f.Time, f.Speed, f.Heading, null))];

    private AlertView ToView(Alert a, List<PositionView> track, string language)
    {
        var acting = a.FromCountry;
        var host = zones.CountryOfZone(a.Zone);
        var rule = host is { } h ? catalogue.Find(a.OperationType, acting, h) : null;
        var talkGroup = host is null ? null : zones.TalkGroup(a.Zone, acting);
        return new AlertView(a.Id, a.OperationId, a.FromCountry.Value, a.OperationType,
            catalogue.FindMissionType(a.OperationType)?.Name.Get(language) ?? a.OperationType, a.Zone, zones.ControlRoomName(a.Zone, language),
            OperationReader.Lines(a.Units), OperationReader.Lines(a.Vehicles), a.Suspect, a.Reason, a.Lat, a.Lon, a.Heading,
            talkGroup?.Name, talkGroup?.IsPlaceholder ?? false, RuleLines(rule, language),
            a.CrossedAt, a.ReceivedAt, AlertWorkflow.Name(a.Status), a.AcknowledgedAt, a.AcknowledgedBy, a.EscalatedAt, a.AuthorisationDeadline, track,
            a.CrossedLat, a.CrossedLon);
    }

    private static List<string> RuleLines(TreatyRule? rule, string language)
    {
        if (rule is null)
        {
            return [];
        }

        var lines = new List<string> { rule.LegalBasis.Get(language) };
        lines.AddRange(rule.Conditions.Select(c => c.Get(language)));
        if (rule.Powers is { } powers)
        {
            lines.Add(powers.Apprehension.Get(language));
            lines.Add(powers.Weapons.Get(language));
            lines.Add(powers.MayNot.Get(language));
        }

        return lines;
    }
}
