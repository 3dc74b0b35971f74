using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Live;
using Senningen.Node.Features.Operations.Public;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;

namespace Senningen.Node.Tests.Instances;

/// <summary>
/// A change stored at one instance of a node reaches the change feed, and so the console pages, of another instance
/// within a second, through PostgreSQL LISTEN/NOTIFY; a listener whose connection is killed reconnects and delivers again.
/// </summary>
public sealed class ChangeBackplaneTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OperationStartedAtOneInstance_IsSeenOnTheOthersFeedWithinASecond_AlsoAfterItsListenerWasKilled()
    {
        await using var a = await TestNode.StartAsync(Store.Postgres);
        await using var b = await Instances.AnotherAsync(a);
        var backplane = b.Services.GetRequiredService<ChangeBackplane>();
        await EventuallyAsync(() => Task.FromResult(backplane.IsListening), "the second instance listens", TimeSpan.FromSeconds(5));
        var seen = new ConcurrentDictionary<Guid, DateTimeOffset>();
        b.Services.GetRequiredService<ChangeFeed<OperationsChange>>().Changed += change =>
        {
            if (change.OperationId is { } id)
            {
                seen.TryAdd(id, DateTimeOffset.UtcNow);
            }
        };
        using var officer = await a.SignedInAsync("officer");

        await StartedAndSeenAsync(officer, seen);

        (await Instances.TerminateAsync(b, "a.application_name = @name", ("name", backplane.ListenerName))).ShouldBe(1);
        await EventuallyAsync(() => Task.FromResult(!backplane.IsListening), "the listener notices its connection is gone", TimeSpan.FromSeconds(5));
        await EventuallyAsync(() => Task.FromResult(backplane.IsListening), "the listener reconnects", TimeSpan.FromSeconds(5));
        await StartedAndSeenAsync(officer, seen);
    }

    [Fact]
    public async Task AnInstanceDoesNotHearItsOwnChangesTwice()
    {
        await using var a = await TestNode.StartAsync(Store.Postgres);
        await using var b = await Instances.AnotherAsync(a);
        await EventuallyAsync(() => Task.FromResult(a.Services.GetRequiredService<ChangeBackplane>().IsListening), "A listens", TimeSpan.FromSeconds(5));
        var (atA, atB) = (new ConcurrentBag<Guid>(), new ConcurrentBag<Guid>());
        a.Services.GetRequiredService<ChangeFeed<OperationsChange>>().Changed += c => atA.Add(c.OperationId ?? Guid.Empty);
        b.Services.GetRequiredService<ChangeFeed<OperationsChange>>().Changed += c => atB.Add(c.OperationId ?? Guid.Empty);
        using var officer = await a.SignedInAsync("officer");

        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-ONE");

        await EventuallyAsync(() => Task.FromResult(atB.Contains(operation.Id)), "B hears the start", TimeSpan.FromSeconds(5));
        // Both listeners have handled the notification by the time B has; give A's the same second again.
        await Task.Delay(Floor, Ct);
        atA.Count(id => id == operation.Id).ShouldBe(1);
        atB.Count(id => id == operation.Id).ShouldBe(1);
    }

    // From A's answer: what A's user has just been told is stored, B's console shows within a second (B may see it first).
    private static async Task StartedAndSeenAsync(HttpClient officer, ConcurrentDictionary<Guid, DateTimeOffset> seen)
    {
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant());
        var answered = DateTimeOffset.UtcNow;
        await EventuallyAsync(() => Task.FromResult(seen.ContainsKey(operation.Id)), "the other instance's feed shows the operation", TimeSpan.FromSeconds(5));
        (seen[operation.Id] - answered).ShouldBeLessThan(Floor, "stored at A, seen at B within a second of A's answer");
    }
}
