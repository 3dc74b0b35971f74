using Senningen.Contracts.Retention;
using Senningen.Core.Retention;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Retention.Holds;

namespace Senningen.Node.Features.Retention.Overview;

/// <summary>When this instance last ran a purge; another instance may be the one leading.</summary>
internal sealed class PurgeSchedule
{
    public DateTimeOffset? LastRun { get; set; }
}

/// <summary>One kind as the DPO sees it: this node's rule, what is kept now, and the cutoff a purge now would use.</summary>
internal sealed record KindOverview(RetentionRule Rule, RetentionSurvey Kept, DateTimeOffset Cutoff);

/// <param name="NextPurge">Null when no purge ran at this instance yet: the next one comes within <paramref name="Interval"/>.</param>
internal sealed record RetentionOverviewView(IReadOnlyList<KindOverview> Kinds, DateTimeOffset? NextPurge, TimeSpan Interval, IReadOnlyList<HoldView> Holds);

/// <summary>The DPO's overview of retention: per kind, how many records, the oldest, the next purge; and the holds (audited as a read).</summary>
internal sealed class RetentionOverview(IEnumerable<IRetentionTarget> targets, RetentionSettings settings, PurgeSchedule schedule, RetentionHolds holds,
    TimeProvider clock)
{
    public async Task<RetentionOverviewView> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var kinds = new List<KindOverview>();
        foreach (var target in targets.OrderBy(t => RetentionKinds.All.ToList().IndexOf(t.Kind)))
        {
            var rule = settings.RuleFor(target.Kind);
            kinds.Add(new KindOverview(rule, await target.SurveyAsync(ct), rule.CutoffAt(now)));
        }

        return new RetentionOverviewView(kinds, schedule.LastRun + settings.PurgeInterval, settings.PurgeInterval, await holds.ListAsync(ct));
    }
}
