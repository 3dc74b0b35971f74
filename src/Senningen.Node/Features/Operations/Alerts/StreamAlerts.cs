using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// <c>GET /api/v1/streams/alerts</c>: partners' operations on this territory as they arrive, as server-sent <c>alert</c>
/// events holding what <c>GET /api/v1/alerts</c> lists, within the same need to know: a control room its zones' alerts
/// as they are received, the national desk the escalated ones as they are escalated, the DPO all. Each alert sent is
/// audited as the list audits it.
/// </summary>
internal sealed class StreamAlerts(SenningenDbContext db, AlertReader reader, ReadAlerts read, NeedToKnowGuard guard, CurrentOfficer officer) : IEventSource
{
    public string Name => "stream:alerts";

    public static IResult Open([FromHeader(Name = EventStreamer.LastEventIdHeader)] string? lastEventId, EventStreamer stream, ChangeFeed<OperationsChange> feed,
        StreamAlerts source) =>
        stream.Open(lastEventId, feed, c => c.Alerts, source);

    public async Task<IReadOnlyList<StreamEvent>> AfterAsync(StreamKey after, int max, CancellationToken ct)
    {
        var visible = db.Alerts.AsNoTracking().Within(guard.Scope(Capability.Alerts, AccessKind.Read), a => null, a => a.Zone);
        // The desk's list holds what was escalated to it: its stream tells when that happens.
        Expression<Func<Alert, DateTimeOffset>> at = read.IsNationalDesk ? a => a.EscalatedAt!.Value : a => a.ReceivedAt;
        var key = at.Compile();
        var rows = await StreamQueries.AfterAsync(read.IsNationalDesk ? visible.Where(a => a.Escalated && a.EscalatedAt != null) : visible, at,
            a => new StreamKey(key(a), a.Id), after, max, ct);
        var views = await reader.ViewsAsync(rows, Texts.CurrentLanguage, ct);
        return [.. rows.Zip(views, (a, v) => new StreamEvent(new StreamKey(key(a), a.Id), "alert", v))];
    }

    public Task AuditAsync(IReadOnlyList<StreamEvent> shown, CancellationToken ct) =>
        reader.AuditReadAsync([.. shown.Select(e => ((AlertView)e.Data).Id)], null, officer.Actor, ct);
}
