using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>
/// <c>GET /api/v1/streams/requests</c>: every step of the requests the reader may read, as it is stored at this node —
/// drafted, submitted, received from the partner, answered, reminded and escalated by the deadline clock — as
/// server-sent <c>request-step</c> events holding the request as <c>GET /api/v1/requests</c> lists it and the step. The
/// list's need to know applies, and each request sent is audited as the list audits it.
/// </summary>
internal sealed class StreamRequestSteps(SenningenDbContext db, RequestAccess access, RequestReader reader, AuditLog audit, Texts texts) : IEventSource
{
    public string Name => "stream:requests";

    public string Feed => RequestStepFeed.FeedName;

    public static IResult Open([FromHeader(Name = EventStreamer.LastEventIdHeader)] string? lastEventId, EventStreamer stream, StreamRequestSteps source) =>
        stream.Open(lastEventId, source);

    public async Task<IReadOnlyList<StreamEvent>> AfterAsync(long after, int max, CancellationToken ct)
    {
        var readable = access.Readable(db.Requests.AsNoTracking());
        var rows = await db.RequestEvents.AsNoTracking().Where(e => e.FeedPosition > after && readable.Any(r => r.Id == e.RequestId))
            .OrderBy(e => e.FeedPosition).Take(max).ToListAsync(ct);
        var ids = rows.Select(e => e.RequestId).Distinct().ToList();
        var requests = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var language = Texts.CurrentLanguage;
        return [.. rows.Select(e => new StreamEvent(e.FeedPosition!.Value, "request-step", new RequestStepEvent(reader.Summary(requests[e.RequestId], language),
            new RequestEventView(e.Id, e.At, e.Action, texts.Get(language, $"request.action.{e.Action}"), e.FromState, e.ToState, e.Actor, e.Country, e.Reason))))];
    }

    public Task AuditAsync(IReadOnlyList<StreamEvent> shown, CancellationToken ct) =>
        audit.WriteAsync(new AuditRecord(AuditActions.RequestRead, AuditOutcomes.Success,
            [.. shown.Select(e => ((RequestStepEvent)e.Data).Request.Id).Distinct().Select(id => $"request:{id}")],
            Detail: $"stream: {shown.Count} step(s) shown"), cancellationToken: ct);
}
