using Microsoft.EntityFrameworkCore;
using Senningen.Core.Requests;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Public;

/// <summary>
/// What the desk's dashboard charts need from the requests this node must answer: when the open ones are due, and when
/// each answer (a completion or a refusal) was given against its deadline. Instants only, no fields, names or
/// references, so the charts carry no personal data; the desk sees the whole node's figures, as for art. 18.
/// </summary>
internal sealed class RequestChartFacts(SenningenDbContext db)
{
    private static readonly string[] Answers = [RequestNames.Of(RequestAction.Complete), RequestNames.Of(RequestAction.Refuse)];

    /// <summary>The answer deadlines of the requests whose clock runs (received, not yet answered).</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> OpenDeadlinesAsync(CancellationToken ct) =>
        await db.Requests.AsNoTracking().Where(r => r.Side == RequestSide.Requested && r.ClockRunning && r.AnswerBy != null)
            .Select(r => r.AnswerBy!.Value).ToListAsync(ct);

    /// <summary>Each answer given since <paramref name="from"/> with the deadline it was due by.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset AnsweredAt, DateTimeOffset AnswerBy)>> AnswersSinceAsync(DateTimeOffset from, CancellationToken ct)
    {
        var rows = await db.RequestEvents.AsNoTracking().Where(e => Answers.Contains(e.Action) && e.At >= from)
            .Join(db.Requests.AsNoTracking().Where(r => r.Side == RequestSide.Requested && r.AnswerBy != null), e => e.RequestId, r => r.Id,
                (e, r) => new { e.RequestId, e.At, AnswerBy = r.AnswerBy!.Value })
            .ToListAsync(ct);
        // The first answer counts: a request is answered once, whatever followed.
        return [.. rows.GroupBy(r => r.RequestId).Select(g => g.MinBy(r => r.At)!).Select(r => (r.At, r.AnswerBy))];
    }
}
