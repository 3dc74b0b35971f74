using Microsoft.EntityFrameworkCore;
using Senningen.Core.Requests;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Public;

/// <summary>A request whose answer is due soon (or overdue): reference, whether it was asked of us, the partner and the deadline.</summary>
internal sealed record DeadlineLine(Guid Id, string Reference, bool ToUs, string Partner, DateTimeOffset AnswerBy);

/// <summary>
/// Requests near their deadline, for the control room's dashboard: those whose clock runs and whose answer is due
/// within <c>within</c>, soonest first, counted and cut in the database over the (clock, answer-by) index. Only requests
/// the viewer may read count: a reference is not personal data (not audited), but it would tell another unit's request exists.
/// </summary>
internal sealed class RequestDeadlines(SenningenDbContext db, RequestAccess access, ChangeFeed<RequestChanged> feed, TimeProvider clock)
{
    public async Task<(int Count, IReadOnlyList<DeadlineLine> Top)> DueAsync(TimeSpan within, int top, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + within;
        var query = access.Readable(db.Requests.AsNoTracking()).Where(r => r.ClockRunning && r.AnswerBy != null && r.AnswerBy <= until);
        var count = await query.CountAsync(ct);
        var rows = count == 0 ? [] : await query.OrderBy(r => r.AnswerBy).Take(top).ToListAsync(ct);
        return (count, [.. rows.Select(r => new DeadlineLine(r.Id, r.Reference, r.Side == RequestSide.Requested,
            (r.Side == RequestSide.Requested ? r.RequestingCountry : r.RequestedCountry).Value, r.AnswerBy!.Value))]);
    }

    /// <summary>Calls <paramref name="changed"/> whenever a request changes on this instance, until the result is disposed.</summary>
    public IDisposable Watch(Action changed)
    {
        void OnChange(RequestChanged _) => changed();
        feed.Changed += OnChange;
        return new Unsubscribe(() => feed.Changed -= OnChange);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
