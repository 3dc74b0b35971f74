using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Instances;

/// <summary>
/// Two instances of Belgium on one PostgreSQL: what one instance claimed when it died goes to the other within seconds
/// (not at the end of the 30 s lease), a living instance keeps its claims, and an instance taken for dead that wakes up
/// commits nothing on a message another instance took over. Every test uses the default delivery timeout (10 s).
/// </summary>
public sealed class ClaimTakeoverTests
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InstanceKilledWhileItsPartnerHangs_TheOtherDeliversItsClaimedMessageWithinSeconds()
    {
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"], Store.Postgres);
        await network["NL"].StartAgainAsync();
        await using var proxy = HoldingProxy.Start(network["NL"].BaseUrl);
        // Belgium reaches the Netherlands through the proxy, which holds every request until it forwards.
        var belgium = network["BE"];
        // Payloads in clear: sealing one would first fetch the partner's key set through the proxy, which holds that too,
        // and the message would never be queued; this test is about the claim, not the payload.
        var viaProxy = new Dictionary<string, string?>
        {
            ["Senningen:Node:Partners:0:BaseUrl"] = proxy.Url.ToString(), ["Senningen:Exchange:Encryption"] = "Off",
        };
        await using var first = await NodeProcess.StartAsync(belgium, viaProxy);
        using var room = await belgium.SignedInAsync("controlroom");
        var ping = room.PostAsJsonAsync("api/v1/exchange/ping", new PingRequest("NL", "claimed by the instance that dies"), Ct);
        // A delivery held, not the key-set fetch every node makes at start (a GET the proxy holds as well).
        await EventuallyAsync(() => Task.FromResult(proxy.HeldPosts == 1), "instance 1 claimed the message and is sending it", TimeSpan.FromSeconds(20));

        var values = belgium.Settings.ToDictionary(p => p.Key, p => p.Value);
        values["urls"] = "http://127.0.0.1:0";
        values["Senningen:Node:Partners:0:BaseUrl"] = proxy.Url.ToString();
        values["Senningen:Exchange:Encryption"] = "Off";
        await using var second = await TestNode.StartAsync(Store.Postgres, "BE", values);
        await second.Services.GetRequiredService<InstanceLiveness>().WhenAliveAsync(Ct);
        var message = await QueryAsync(second, db => db.Outbox.SingleAsync(Ct));
        (message.Status, message.ClaimedBy).ShouldBe((OutboxStatus.Queued, await ClaimantOfAsync(second)));
        message.ClaimedUntil!.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(20), "the lease alone would hold it for 30 s");

        proxy.Forward();
        first.Kill();
        var killed = Stopwatch.GetTimestamp();
        await Should.ThrowAsync<HttpRequestException>(ping);
        await EventuallyAsync(async () => await CountOutboxAsync(second, OutboxStatus.Receipted) == 1, "instance 2 delivered it", Takeover * 2);
        Stopwatch.GetElapsedTime(killed).ShouldBeLessThan(Takeover);
        (await QueryAsync(network["NL"], db => db.Inbox.Select(m => m.Id).ToListAsync(Ct))).ShouldBe([message.Id]);
    }

    [Fact]
    public async Task InstanceDeadMidHandling_TheOtherHandlesItsClaimedMessageWithinSeconds_AndTheStaleHandlingCommitsNothing()
    {
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"], Store.Postgres, services: (_, s) => AddGated(s));
        await network["NL"].StartAgainAsync();
        var first = network["BE"];
        await first.StartAgainAsync();
        await EnqueueAsync(network["NL"], "BE", 1, type: GatedHandler.MessageType, payload: i => new GatedPayload(i));
        var gateAtFirst = first.Services.GetRequiredService<HandlerGate>();
        await gateAtFirst.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        var values = first.Settings.ToDictionary(p => p.Key, p => p.Value);
        values["urls"] = "http://127.0.0.1:0";
        await using var second = await TestNode.StartAsync(Store.Postgres, "BE", values, AddGated);
        second.Services.GetRequiredService<HandlerGate>().Open();
        await second.Services.GetRequiredService<InstanceLiveness>().WhenAliveAsync(Ct);
        var firstName = first.Services.GetRequiredService<InstanceLiveness>().Name;
        (await QueryAsync(second, db => db.Inbox.SingleAsync(Ct))).ClaimedBy.ShouldBe(firstName);

        // Instance 1 loses its liveness lock for good, as if killed, while its handler is still running.
        await first.Services.GetRequiredService<InstanceLiveness>().StopAsync(Ct);
        var dead = Stopwatch.GetTimestamp();
        await EventuallyAsync(async () => await QueryAsync(second, db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Handled, Ct)) == 1,
            "instance 2 handled it", Takeover * 2);
        Stopwatch.GetElapsedTime(dead).ShouldBeLessThan(Takeover);

        // Instance 1 wakes up: its handler ends, and its "handled" finds the claim gone, so its effects roll back.
        gateAtFirst.Open();
        await first.Services.GetRequiredService<InboxProcessor>().StopAsync(Ct);
        gateAtFirst.Returned.ShouldBe(1, "instance 1's handler ran to its end");
        var effects = await QueryAsync(second, db => db.AuditEntries.Where(e => e.Action == GatedHandler.EffectAction).Select(e => e.Detail).ToListAsync(Ct));
        effects.ShouldBe([second.Services.GetRequiredService<InstanceLiveness>().Name], "one effect, instance 2's");
        var handled = await QueryAsync(second, db => db.Inbox.SingleAsync(Ct));
        (handled.Status, handled.HandleAttempts, handled.ClaimedBy).ShouldBe((InboxStatus.Handled, 1, (string?)null));
    }

    [Fact]
    public async Task Sweeper_LeavesALivingInstancesClaims_AndHandsOnThoseOfOneThatLostItsLivenessLock()
    {
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"], Store.Postgres,
            _ => new Dictionary<string, string?> { ["Senningen:Exchange:DispatcherEnabled"] = "false" });
        var first = network["BE"];
        await first.StartAgainAsync();
        await using var second = await Instances.AnotherAsync(first);
        var (alive, other) = (first.Services.GetRequiredService<InstanceLiveness>(), second.Services.GetRequiredService<InstanceLiveness>());
        await alive.WhenAliveAsync(Ct);
        await other.WhenAliveAsync(Ct);
        var ids = await EnqueueAsync(first, "NL", 3);
        const string Gone = "gone-host/4242/0123456789abcdef0123456789abcdef";
        await ClaimAsync(first, ids[0], alive.Name);
        await ClaimAsync(first, ids[1], other.Name);
        await ClaimAsync(first, ids[2], Gone);

        (await SweepAsync(second)).ShouldBe(1, "only the instance nobody keeps alive is swept");
        (await ClaimsAsync(first)).ShouldBe(new Dictionary<Guid, string?> { [ids[0]] = alive.Name, [ids[1]] = other.Name, [ids[2]] = null });
        (await SweepAsync(second)).ShouldBe(0, "living instances keep their claims, sweep after sweep");

        // Instance 1's liveness connection is cut: it no longer claims, and its claims go to the others.
        // PostgreSQL keeps the first 63 bytes of an application name.
        (await Instances.TerminateAsync(first, "a.application_name = left(@name, 63)", ("name", "senningen-lead:" + InstanceLiveness.RoleOf(alive.Name)))).ShouldBe(1);
        // Swept at once: the lock went with the backend, and instance 1 needs a probe and a retry (seconds) to take it
        // again; sweeping right away keeps the test clear of that race on a loaded machine.
        await EventuallyAsync(async () => await SweepAsync(second) == 1, "instance 1's claim is swept once its lock is gone",
            TimeSpan.FromSeconds(5));
        (await ClaimsAsync(first))[ids[0]].ShouldBeNull();
        await EventuallyAsync(() => Task.FromResult(!alive.IsAlive), "instance 1 knows it is not alive", TimeSpan.FromSeconds(5));
        var claiming = first.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(Ct);
        await Task.Delay(200, Ct);
        if (!alive.IsAlive)
        {
            claiming.IsCompleted.ShouldBeFalse("an instance without its liveness lock claims nothing");
        }

        // Once it holds its lock again, it claims again: its own swept claim and the dead one's, not the living other's
        // (the partner is not running: the attempts fail and are kept).
        await alive.WhenAliveAsync(Ct);
        (await claiming.WaitAsync(TimeSpan.FromSeconds(20), Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task OutcomeOfAStaleClaimant_IsRefused_AndItsSaveCommitsNothing()
    {
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"], Store.Postgres,
            _ => new Dictionary<string, string?> { ["Senningen:Exchange:DispatcherEnabled"] = "false" });
        var node = network["BE"];
        await node.StartAgainAsync();
        var id = (await EnqueueAsync(node, "NL", 1))[0];
        // A claimed it, was taken for dead, and B claimed it since.
        await ClaimAsync(node, id, "instance-b");

        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var message = await db.Outbox.AsNoTracking().SingleAsync(Ct);
        message.Status = OutboxStatus.Receipted;
        message.CompletedAt = DateTimeOffset.UtcNow;
        scope.ServiceProvider.GetRequiredService<Common.Audit.AuditLog>().Add(
            new Common.Audit.AuditRecord("test.stale-effect", "success", [$"message:{id}"]), new Common.Audit.Actor("test", "", "BE"));
        var refused = await Should.ThrowAsync<ClaimLostException>(db.SaveChangesAsync(t => OutboxResults.WriteAsync(db, [message], "instance-a", t), Ct));

        refused.Lost.ShouldBe([id]);
        var stored = await QueryAsync(node, d => d.Outbox.SingleAsync(Ct));
        (stored.Status, stored.ClaimedBy).ShouldBe((OutboxStatus.Queued, "instance-b"));
        (await QueryAsync(node, d => d.AuditEntries.CountAsync(e => e.Action == "test.stale-effect", Ct))).ShouldBe(0);
    }

    private static void AddGated(IServiceCollection services) =>
        services.AddSingleton<HandlerGate>().AddMessageType<GatedPayload, GatedHandler>(GatedHandler.MessageType, 1);

    private static async Task<string?> ClaimantOfAsync(TestNode anyInstance) =>
        await QueryAsync(anyInstance, db => db.Outbox.Select(m => m.ClaimedBy).SingleAsync(Ct));

    private static Task<int> ClaimAsync(TestNode node, Guid id, string instance) =>
        QueryAsync(node, db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.ClaimedBy, instance).SetProperty(m => m.ClaimedUntil, DateTimeOffset.UtcNow.AddSeconds(30)), Ct));

    private static Task<Dictionary<Guid, string?>> ClaimsAsync(TestNode node) =>
        QueryAsync(node, db => db.Outbox.ToDictionaryAsync(m => m.Id, m => m.ClaimedBy, Ct));

    private static async Task<int> SweepAsync(TestNode at)
    {
        var builder = new NpgsqlConnectionStringBuilder(at.Services.GetRequiredService<NodeSettings>().Database.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(Ct);
        return await at.Services.GetRequiredService<ClaimSweeper>().SweepOnceAsync(connection, Ct);
    }
}
