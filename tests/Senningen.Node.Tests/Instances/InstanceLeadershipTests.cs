using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Requests.Deadlines;
using Senningen.Node.Features.Retention.Purging;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Instances;

/// <summary>
/// Jobs that must run once across the instances of a node: one instance leads each, and when it dies or loses its
/// database connection another takes over within seconds.
/// </summary>
public sealed class InstanceLeadershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] OnceOnlyWorkers =
        [EscalationWorker.Role, DeadlineWorker.Role, RetentionWorker.Role, AuditHeadThinner.Role];

    [Fact]
    public async Task TwoInstances_OneLeads_AndTheOtherTakesOverWhenTheLeadersConnectionIsTerminated()
    {
        await using var a = await TestNode.StartAsync(Store.Postgres);
        await using var b = await Instances.AnotherAsync(a);
        var (atA, atB) = (a.Services.GetRequiredService<InstanceLeadership>(), b.Services.GetRequiredService<InstanceLeadership>());
        await using var first = await atA.WaitToLeadAsync("test-sequencer", Ct);
        var second = atB.WaitToLeadAsync("test-sequencer", Ct);

        // Long enough for B to have tried more than once.
        await Task.Delay(InstanceLeadership.RetryEvery * 2.5, Ct);
        second.IsCompleted.ShouldBeFalse("only one instance leads a role");
        (atA.IsLeading("test-sequencer"), atB.IsLeading("test-sequencer")).ShouldBe((true, false));

        (await Instances.TerminateAsync(a, "a.application_name = 'senningen-lead:test-sequencer' AND a.state = 'idle' AND a.pid IN " +
            "(SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)")).ShouldBe(1);

        var took = Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(5), Ct));
        (await took).ShouldBe(second, "the other instance leads within seconds");
        await using var lead = await second;
        await EventuallyAsync(() => Task.FromResult(first.IsLost), "the old leader knows it lost the lead", TimeSpan.FromSeconds(5));
        first.Token.IsCancellationRequested.ShouldBeTrue();
        (atA.IsLeading("test-sequencer"), atB.IsLeading("test-sequencer")).ShouldBe((false, true));
    }

    [Fact]
    public async Task OnceOnlyWorkers_RunAtOneInstance_AndMoveToTheOtherWhenItStops()
    {
        await using var a = await TestNode.StartAsync(Store.Postgres);
        await using var b = await Instances.AnotherAsync(a);
        var (atA, atB) = (a.Services.GetRequiredService<InstanceLeadership>(), b.Services.GetRequiredService<InstanceLeadership>());
        foreach (var role in OnceOnlyWorkers)
        {
            await EventuallyAsync(() => Task.FromResult(atA.IsLeading(role) || atB.IsLeading(role)), $"someone leads {role}", TimeSpan.FromSeconds(5));
            (atA.IsLeading(role) && atB.IsLeading(role)).ShouldBeFalse($"{role} runs at one instance");
        }

        // A started first and took every role; when it stops, B takes them all.
        OnceOnlyWorkers.ShouldAllBe(role => atA.IsLeading(role));
        await a.StopAsync();
        var stopped = DateTime.UtcNow;
        foreach (var role in OnceOnlyWorkers)
        {
            await EventuallyAsync(() => Task.FromResult(atB.IsLeading(role)), $"the survivor leads {role}", TimeSpan.FromSeconds(5));
        }

        (DateTime.UtcNow - stopped).ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OnSqlite_TheOneInstanceLeadsAtOnce_AndOnlyStoppingEndsTheLead()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite);
        var leadership = node.Services.GetRequiredService<InstanceLeadership>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var lead = await leadership.WaitToLeadAsync("test-sequencer", stop.Token).WaitAsync(TimeSpan.FromSeconds(1), Ct);
        await using (lead)
        {
            leadership.IsLeading("test-sequencer").ShouldBeTrue();
            lead.Token.IsCancellationRequested.ShouldBeFalse();
            await stop.CancelAsync();
            lead.Token.IsCancellationRequested.ShouldBeTrue();
            lead.IsLost.ShouldBeFalse();
        }

        leadership.IsLeading("test-sequencer").ShouldBeFalse();
    }
}
