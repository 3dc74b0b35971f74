namespace Senningen.Core.Operations;

/// <summary>
/// How the demo replays a route faster than real time without sending a fix no tracker could send: every fix carries
/// the route's road speed and the time the car really was there. A speed-up of k replays a drive of D seconds in D/k:
/// the pursuit began D·(1 − 1/k) before the replay starts (the operation is registered then), and its recorded fixes
/// are sent k seconds' worth a second until they catch up with the present at the end. No fix ever lies in the
/// future of its sending, none before the operation's start, and none is faster than the road.
/// </summary>
public static class ReplaySchedule
{
    /// <summary>The speed-ups the console offers; every shipped route must replay at each of them (a test holds it).</summary>
    public static IReadOnlyList<int> SpeedUps { get; } = [1, 4, 10];

    /// <summary>The replay of <paramref name="route"/> at <paramref name="speedUp"/>, starting at <paramref name="now"/>.</summary>
    public static ReplayPlan Plan(PursuitRoute route, string unit, int speedUp, DateTimeOffset now, double noiseMetres = 4)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentOutOfRangeException.ThrowIfLessThan(speedUp, 1);
        // Whole milliseconds: that is what the node stores, so the operation's start and the first fix stay equal.
        now = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var drive = TimeSpan.FromSeconds(route.LengthMetres() / (route.SpeedKmh / 3.6));
        var startedAt = now - TimeSpan.FromMilliseconds(Math.Ceiling(drive.TotalMilliseconds * (1 - (1.0 / speedUp))));
        var fixes = RouteReplay.Fixes(route, new ReplayOptions(unit, startedAt, route.SpeedKmh, TimeSpan.FromSeconds(1), NoiseMetres: noiseMetres));
        var batches = new List<ReplayBatch>();
        var pending = new List<PositionFix>();
        var second = 0L;
        foreach (var fix in fixes)
        {
            // The wall-clock instant the fix is due, rounded up to the next whole second of the replay: never before its own time.
            var due = (long)Math.Ceiling((fix.Time - startedAt).TotalSeconds / speedUp);
            if (due != second && pending.Count > 0)
            {
                batches.Add(new ReplayBatch(now + TimeSpan.FromSeconds(second), [.. pending]));
                pending.Clear();
            }

            second = due;
            pending.Add(fix);
        }

        if (pending.Count > 0)
        {
            batches.Add(new ReplayBatch(now + TimeSpan.FromSeconds(second), [.. pending]));
        }

        return new ReplayPlan(startedAt, batches);
    }
}

/// <summary>When the replayed operation began, and the batches to send, in order, each at its wall-clock time.</summary>
public sealed record ReplayPlan(DateTimeOffset StartedAt, IReadOnlyList<ReplayBatch> Batches);

/// <summary>Fixes to send together at <paramref name="SendAt"/>; each is stamped no later than that.</summary>
public sealed record ReplayBatch(DateTimeOffset SendAt, IReadOnlyList<PositionFix> Fixes);
