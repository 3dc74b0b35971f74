using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Access;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>
/// <c>GET /api/v1/streams/anpr-hits</c>: hits as they are stored at this node (from its cameras, or received from a
/// partner), as server-sent <c>hit</c> events holding what <c>GET /api/v1/anpr/hits</c> lists, within the same need to
/// know. A hit holds a plate and where it was seen: each one sent is audited as the list audits it.
/// </summary>
internal sealed class StreamHits(SenningenDbContext db, NeedToKnowGuard guard, AuditLog audit, CurrentOfficer officer) : IEventSource
{
    public string Name => "stream:anpr-hits";

    public string Feed => HitFeed.FeedName;

    public static IResult Open([FromHeader(Name = EventStreamer.LastEventIdHeader)] string? lastEventId, EventStreamer stream, StreamHits source) =>
        stream.Open(lastEventId, source);

    public async Task<IReadOnlyList<StreamEvent>> AfterAsync(long after, int max, CancellationToken ct)
    {
        var rows = await HitGroups.Visible(db, guard.Scope(Capability.AnprHits, AccessKind.Read)).Where(h => h.FeedPosition > after)
            .OrderBy(h => h.FeedPosition).Take(max).ToListAsync(ct);
        return [.. rows.Select(h => new StreamEvent(h.FeedPosition!.Value, "hit", HitViews.From(h)))];
    }

    public Task AuditAsync(IReadOnlyList<StreamEvent> shown, CancellationToken ct) =>
        audit.WriteAsync(new AuditRecord(AuditActions.AnprHitRead, AuditOutcomes.Success, [.. shown.Select(e => $"hit:{((HitView)e.Data).Id}")],
            Detail: $"{shown.Count} hit(s) streamed"), officer.Actor, ct);
}
