using Microsoft.EntityFrameworkCore;
using Senningen.Core.Access;
using Senningen.Core.Operations;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Public;

/// <summary>A section of the control room's picture: how many in all, and the first few.</summary>
public sealed record PictureSection<T>(int Count, IReadOnlyList<T> Top);

/// <summary>A partner's alert on this territory, without the suspect: the dashboard is not the place to read one (that is audited).</summary>
public sealed record AlertLine(Guid Id, Guid OperationId, string FromCountry, string OperationType, string Zone, string ControlRoom,
    IReadOnlyList<string> Units, string Status, DateTimeOffset ReceivedAt);

/// <summary>One of this node's operations with a unit abroad: where, since when it runs.</summary>
public sealed record AbroadLine(Guid Id, string Type, string HomeZone, IReadOnlyList<string> UnitsAbroad, string Country, string? Zone,
    string? ZoneName, DateTimeOffset StartedAt);

/// <summary>
/// The operations part of the control room's picture (issue 21, point 9): counts and the first rows are computed in
/// the database over the (status, received) and (status, started) indexes, so the dashboard stays fast with many rows.
/// Each section holds only what the viewer's need to know covers, counts included: a patrol officer's dashboard does not
/// show another unit's pursuit abroad, a control room sees the alerts of its own zones. The lines carry no suspect, vehicle
/// or plate, so the picture is not audited; opening a line is.
/// </summary>
public sealed class OperationsPicture(SenningenDbContext db, ZoneDirectory zones, NodeSettings settings, TreatyCatalogue catalogue, NeedToKnowGuard guard)
{
    private IQueryable<Alert> Alerts => db.Alerts.AsNoTracking().Within(guard.Scope(Capability.Alerts, AccessKind.Read), a => null, a => a.Zone);

    /// <summary>Alerts nobody acknowledged yet (open or escalated), oldest first: the age is what the room must act on.</summary>
    public async Task<PictureSection<AlertLine>> UnacknowledgedAlertsAsync(int top, string language, CancellationToken ct)
    {
        var query = Alerts.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Escalated);
        var count = await query.CountAsync(ct);
        var rows = count == 0 ? [] : await query.OrderBy(a => a.ReceivedAt).Take(top).ToListAsync(ct);
        return new(count, [.. rows.Select(a => Line(a, language))]);
    }

    /// <summary>Foreign operations on this territory: one per operation (an operation seen in two zones has two alerts), newest first.</summary>
    public async Task<PictureSection<AlertLine>> ForeignOperationsAsync(int top, string language, CancellationToken ct)
    {
        var query = Alerts.Where(a => a.Status != AlertStatus.Closed);
        var count = await query.Select(a => a.OperationId).Distinct().CountAsync(ct);
        var rows = count == 0 ? [] : await query.OrderByDescending(a => a.ReceivedAt).Take(top * 3).ToListAsync(ct);
        return new(count, [.. rows.DistinctBy(a => a.OperationId).Take(top).Select(a => Line(a, language))]);
    }

    /// <summary>This node's running operations with at least one unit outside the home country, newest first.</summary>
    public async Task<PictureSection<AbroadLine>> AbroadAsync(int top, string language, CancellationToken ct)
    {
        var home = settings.Country;
        var query = db.Operations.AsNoTracking().Within(guard.Scope(Capability.Operations, AccessKind.Read), o => o.OwnerUnit, o => o.HomeZone)
            .Where(o => o.Status == OperationStatus.Active && o.Units.Any(u => u.Country != null && u.Country != home));
        var count = await query.CountAsync(ct);
        var rows = count == 0 ? [] : await query.OrderByDescending(o => o.StartedAt).Take(top).Include(o => o.Units).ToListAsync(ct);
        return new(count, [.. rows.Select(o =>
        {
            var abroad = o.Units.Where(u => u.Country is { } c && c != home).OrderBy(u => u.Id).ToList();
            var first = abroad[0];
            return new AbroadLine(o.Id, TypeName(o.Type, language), o.HomeZone, [.. abroad.Select(u => u.CallSign)], first.Country!.Value.Value,
                first.Zone, first.Zone is { } z ? zones.ControlRoomName(z, language) : null, o.StartedAt);
        })]);
    }

    private AlertLine Line(Alert a, string language) => new(a.Id, a.OperationId, a.FromCountry.Value, TypeName(a.OperationType, language), a.Zone,
        zones.ControlRoomName(a.Zone, language), a.Units.Length == 0 ? [] : a.Units.Split('\n'), AlertWorkflow.Name(a.Status), a.ReceivedAt);

    private string TypeName(string type, string language) => catalogue.FindMissionType(type)?.Name.Get(language) ?? type;
}
