namespace Senningen.Core.Exchange;

/// <summary>
/// When to try a failed delivery again: exponential growth from <see cref="First"/> up to <see cref="Cap"/>, with
/// "full jitter" between half and the whole step so that many senders recovering together do not arrive in waves.
/// </summary>
public readonly record struct Backoff(TimeSpan First, TimeSpan Cap)
{
    public static Backoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

    /// <param name="failedAttempts">Attempts that failed so far, from 1.</param>
    /// <param name="random">A number in [0, 1).</param>
    public TimeSpan After(int failedAttempts, double random)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var step = Math.Min(Cap.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, exponent));
        var jittered = step * (0.5 + (0.5 * Math.Clamp(random, 0, 1)));
        return TimeSpan.FromMilliseconds(Math.Max(jittered, First.TotalMilliseconds / 2));
    }
}
