using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Bench.Operations;

/// <summary>
/// Sees alerts appear at the partner as its console does: the node's <see cref="ChangeFeed{T}"/> (raised
/// after the inbox handler's commit) wakes a reader of <c>ops_alerts</c>. An alert counts as visible when the read that
/// found it returns, so the figure errs late by one small read, never early.
/// </summary>
internal sealed class AlertWatch : FeedWatch<Guid>
{
    private readonly ChangeFeed<OperationsChange> _feed;

    public AlertWatch(IServiceProvider partner)
        : base(partner)
    {
        _feed = partner.GetRequiredService<ChangeFeed<OperationsChange>>();
        _feed.Changed += OnChange;
        Start();
    }

    public async Task<bool> WaitForAsync(Guid operation, TimeSpan timeout, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!Seen.ContainsKey(operation))
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                return false;
            }

            await Task.Delay(10, ct);
        }

        return true;
    }

    protected override async Task<IReadOnlyList<Guid>> ReadAsync(SenningenDbContext db, CancellationToken ct) =>
        await db.Alerts.AsNoTracking().Select(a => a.OperationId).ToListAsync(ct);

    private void OnChange(OperationsChange change)
    {
        if (change.Alerts)
        {
            Wake();
        }
    }

    protected override void Unsubscribe() => _feed.Changed -= OnChange;
}
