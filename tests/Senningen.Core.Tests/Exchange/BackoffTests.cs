using FsCheck;
using FsCheck.Fluent;
using Senningen.Core.Exchange;

namespace Senningen.Core.Tests.Exchange;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999999, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(4, 0.0, 4000)]
    [InlineData(20, 0.0, 300_000)]
    [InlineData(20, 0.999999, 600_000)]
    public void After_GrowsExponentially_WithinHalfAndWholeStep_UpToTheCap(int failures, double random, int expectedMs) =>
        Backoff.Default.After(failures, random).TotalMilliseconds.ShouldBe(expectedMs, 1);

    [FsCheck.Xunit.Property]
    public Property After_IsAlwaysPositive_AndNeverAboveTheCap(PositiveInt failures, NormalFloat random)
    {
        var delay = Backoff.Default.After(failures.Get, Math.Abs(random.Get) % 1);
        return (delay > TimeSpan.Zero && delay <= Backoff.Default.Cap).ToProperty();
    }
}
