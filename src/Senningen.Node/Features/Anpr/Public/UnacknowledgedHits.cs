using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Anpr.Hits;

namespace Senningen.Node.Features.Anpr.Public;

/// <summary>
/// How many hits wait for an acknowledgement, for the control room's dashboard (the hit board shows them), and a way
/// to hear when that may have changed. Counted in the database: the dashboard does not read the hits themselves. The count
/// is of the hits the board would show this reader (need to know), not of other control rooms' zones.
/// </summary>
internal sealed class UnacknowledgedHits(SenningenDbContext db, ChangeFeed<HitsChanged> feed, NeedToKnowGuard guard)
{
    public Task<int> CountAsync(CancellationToken ct) =>
        HitGroups.Visible(db, guard.Scope(Core.Access.Capability.AnprHits, Core.Access.AccessKind.Read)).CountAsync(h => h.AcknowledgedAt == null, ct);

    /// <summary>Calls <paramref name="changed"/> whenever hits change on this instance, until the result is disposed.</summary>
    public IDisposable Watch(Action changed)
    {
        void OnChange(HitsChanged _) => changed();
        feed.Changed += OnChange;
        return new Unsubscribe(() => feed.Changed -= OnChange);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
