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

    // The desk's list holds what was escalated to it: its stream tells when that happens.
    public string Feed => read.IsNationalDesk ? EscalatedAlertFeed.FeedName : ReceivedAlertFeed.FeedName;

    public static IResult Open([FromHeader(Name = EventStreamer.LastEventIdHeader)] string? lastEventId, EventStreamer stream, StreamAlerts source) =>
        stream.Open(lastEventId, source);

    public async Task<IReadOnlyList<StreamEvent>> AfterAsync(long after, int max, CancellationToken ct)
    {
        var visible = db.Alerts.AsNoTracking().Within(guard.Scope(Capability.Alerts, AccessKind.Read), a => null, a => a.Zone);
        Expression<Func<Alert, long?>> position = read.IsNationalDesk ? a => a.EscalationFeedPosition : a => a.FeedPosition;
        var rows = read.IsNationalDesk
            ? await visible.Where(a => a.EscalationFeedPosition > after).OrderBy(position).Take(max).ToListAsync(ct)
            : await visible.Where(a => a.FeedPosition > after).OrderBy(position).Take(max).ToListAsync(ct);
        var of = position.Compile();
        var views = await reader.ViewsAsync(rows, Texts.CurrentLanguage, ct);
        return [.. rows.Zip(views, (a, v) => new StreamEvent(of(a)!.Value, "alert", v))];
    }

    public Task AuditAsync(IReadOnlyList<StreamEvent> shown, CancellationToken ct) =>
        reader.AuditReadAsync([.. shown.Select(e => ((AlertView)e.Data).Id)], null, officer.Actor, ct);
}
