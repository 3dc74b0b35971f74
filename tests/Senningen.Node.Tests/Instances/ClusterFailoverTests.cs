using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Requests.Deadlines;
using Senningen.Node.Features.Retention.Purging;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Operations.PursuitFlowTests;

namespace Senningen.Node.Tests.Instances;

/// <summary>
/// Belgium runs two instances on one PostgreSQL behind nginx, the Netherlands one. A pursuit and an ANPR hit go through
/// Belgian instance 1, an operating-system process, while instance 2 (in this process, so the test can watch its change
/// feeds and its workers) sees them live. Instance 1 is killed with SIGKILL in the middle of the unit's fixes; the tracker
/// goes on through nginx. Nothing accepted is lost, nothing is stored, alerted or delivered twice, and the survivor
/// takes over the work that runs once.
/// </summary>
public sealed class ClusterFailoverTests
{
    private const int FixesPerBatch = 10;
    private static readonly TimeSpan LiveFloor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AlertAfterKill = TimeSpan.FromSeconds(5);
    private static readonly string[] OnceOnlyWorkers = [EscalationWorker.Role, DeadlineWorker.Role, RetentionWorker.Role];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BelgianInstanceKilledMidPursuit_NothingAcceptedIsLostOrDoubled_AndTheSurvivorBehindNginxCarriesOn()
    {
        Infrastructure.RequireNginx();
        // The default delivery timeout: what instance 1 claimed when it died goes to instance 2 when the claim sweeper
        // finds it dead, not when the 30 s lease runs out.
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"], Store.Postgres);
        var (belgium, netherlands) = (network["BE"], network["NL"]);
        var (port1, port2) = (FreePort(), FreePort());
        // nginx takes the port the Dutch node knows Belgium by: partners reach whichever instance is alive.
        await using var nginx = await TestNginx.StartAsync(belgium.BaseUrl.Port, [port1, port2]);
        var starting = NodeProcess.StartAsync(belgium, new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{port1}" });
        await netherlands.StartAgainAsync();
        await using var first = await starting;
        var values = belgium.Settings.ToDictionary(p => p.Key, p => p.Value);
        values["urls"] = $"http://127.0.0.1:{port2}";
        await using var second = await TestNode.StartAsync(Store.Postgres, "BE", values);
        var leadership = second.Services.GetRequiredService<InstanceLeadership>();
        OnceOnlyWorkers.ShouldAllBe(role => !leadership.IsLeading(role), "instance 1 started first and runs the once-only workers");
        await EventuallyAsync(() => Task.FromResult(second.Services.GetRequiredService<ChangeBackplane>().IsListening), "instance 2 listens",
            TimeSpan.FromSeconds(5));
        var watcher = Watch(second);

        using var throughNginx = await belgium.SignedInAsync("officer");
        using var throughFirst = At(port1, throughNginx);
        using var desk = await belgium.SignedInAsync("liaison");
        using var deskAtFirst = At(port1, desk);
        using var dutchRoom = await netherlands.SignedInAsync("controlroom");
        // A Belgian camera's hit lies in no Dutch zone: need to know gives it to the Dutch desk.
        using var dutchDesk = await netherlands.SignedInAsync("liaison");
        await RegisterCamerasAsync(belgium);

        // The ANPR hit, at instance 1, seen live at instance 2 and sent to the entry's owner, who lists it too (an owner
        // refuses a hit on an entry it does not list).
        await ImportCsvAsync(dutchDesk, string.Join('\n', CsvHeader, Line("XR-528-D", "be-nl-shared-reference", "NL", "Courier")));
        await ImportCsvAsync(deskAtFirst, string.Join('\n', CsvHeader, Line("XR-528-D", "be-nl-shared-reference", "NL", "Courier")));
        var read = DateTimeOffset.UtcNow;
        (await SendAsync(throughFirst, Read(PoliceCamera, "XR-528-D"))).Hits.ShouldHaveSingleItem().SentTo.ShouldBe("NL");
        await SeenWithinAsync(watcher.Hits, read, DateTimeOffset.UtcNow, "the hit");

        // The pursuit, started at instance 1 and seen live at instance 2.
        var start = DateTimeOffset.UtcNow;
        var operation = await StartPursuitAsync(throughFirst, "BE-VAN", "BE-K1");
        await SeenWithinAsync(watcher.Operations.Where(s => s.Item1 == operation.Id), start, DateTimeOffset.UtcNow, "the operation");

        var (accepted, acceptedBeforeKill, crossings, killedAt) = await DriveKillingFirstAsync(first, throughFirst, throughNginx, operation.Id);

        // The crossing alert reaches the Netherlands within seconds of the kill, whichever instance had claimed it.
        await EventuallyAsync(async () => await QueryAsync(netherlands, db => db.Alerts.CountAsync(a => a.OperationId == operation.Id, Ct)) == 1,
            "the Dutch node has the alert", TimeSpan.FromSeconds(30));
        var alerted = Stopwatch.GetElapsedTime(killedAt);
        TestContext.Current.TestOutputHelper?.WriteLine($"NL alert {alerted.TotalSeconds:0.0} s after the kill");
        alerted.ShouldBeLessThan(AlertAfterKill, "the alert waits for no lease of the killed instance");

        // The survivor takes over the once-only workers within seconds.
        foreach (var role in OnceOnlyWorkers)
        {
            await EventuallyAsync(() => Task.FromResult(leadership.IsLeading(role)), $"instance 2 runs {role}", TimeSpan.FromSeconds(5));
        }

        Stopwatch.GetElapsedTime(killedAt).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        crossings.ShouldHaveSingleItem().To.ShouldBe("NL");

        // Every accepted fix stored once, the ones accepted before the kill among them.
        var stored = await QueryAsync(second, db => db.UnitFixes.Where(f => f.OperationId == operation.Id)
            .Select(f => f.Time).ToListAsync(Ct));
        var storedMs = stored.Select(t => t.ToUnixTimeMilliseconds()).ToList();
        storedMs.Count.ShouldBe(storedMs.Distinct().Count(), "no fix stored twice");
        storedMs.Order().ShouldBe(accepted.Select(f => f.Time!.Value.ToUnixTimeMilliseconds()).Distinct().Order(), "every accepted fix stored, nothing else");
        acceptedBeforeKill.ShouldNotBeEmpty();
        acceptedBeforeKill.ShouldAllBe(f => storedMs.Contains(f.Time!.Value.ToUnixTimeMilliseconds()));
        (await QueryAsync(second, db => db.OperationCrossings.CountAsync(c => c.OperationId == operation.Id, Ct))).ShouldBe(1);

        // Every message between the two nodes delivered and receipted, each once.
        await EventuallyAsync(async () => await QueryAsync(second, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, Ct)) == 0
                && await QueryAsync(netherlands, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, Ct)) == 0,
            "both outboxes are empty", TimeSpan.FromSeconds(20));
        (await ReceiptedOnceAsync(second, netherlands)).ShouldBeGreaterThan(2, "the positions, the crossing and the hit went to the Netherlands");
        await ReceiptedOnceAsync(netherlands, second);

        // The alert and the hit arrived in the Netherlands once.
        (await QueryAsync(netherlands, db => db.Alerts.CountAsync(a => a.OperationId == operation.Id, Ct))).ShouldBe(1);
        (await WaitForAlertAsync(dutchRoom, operation.Id)).FromCountry.ShouldBe("BE");
        var dutchHits = await dutchDesk.GetFromJsonAsync<List<HitView>>("api/v1/anpr/hits", Ct);
        dutchHits!.Count(h => h.Plate == "XR528D").ShouldBe(1);

        // The survivor, through nginx, still takes fixes and shows them live.
        var later = DateTimeOffset.UtcNow;
        await DriveAsync(throughNginx, operation.Id, Line("BE-K1", InNetherlands, (51.525, 4.767), DateTimeOffset.UtcNow.AddSeconds(-1)));
        await SeenWithinAsync(watcher.Operations.Where(s => s.Item1 == operation.Id), later, DateTimeOffset.UtcNow, "fixes after the kill");
    }

    /// <summary>
    /// Sends the unit's track in batches to instance 1 and kills it while a batch is on its way; a batch whose answer
    /// never came is sent again through nginx, as a tracker would, and so is the rest.
    /// </summary>
    private static async Task<(List<PositionFixInput> Accepted, List<PositionFixInput> BeforeKill, List<CrossingView> Crossings, long KilledAt)>
        DriveKillingFirstAsync(NodeProcess first, HttpClient throughFirst, HttpClient throughNginx, Guid operation)
    {
        var batches = LineEndingNow("BE-K1", InBelgium, InNetherlands).Chunk(FixesPerBatch).ToList();
        var killAt = batches.Count / 2;
        var (accepted, beforeKill, crossings) = (new List<PositionFixInput>(), new List<PositionFixInput>(), new List<CrossingView>());
        long killedAt = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            HttpResponseMessage? response = null;
            if (i == killAt)
            {
                var sending = throughFirst.PostAsJsonAsync($"api/v1/operations/{operation}/positions", new PositionBatch(batches[i]), Ct);
                first.Kill();
                killedAt = Stopwatch.GetTimestamp();
                try
                {
                    response = await sending;
                }
                catch (HttpRequestException)
                {
                    // The answer died with the instance: the tracker does not know whether the fixes were stored.
                }
            }

            response ??= await (i < killAt ? throughFirst : throughNginx).PostAsJsonAsync($"api/v1/operations/{operation}/positions", new PositionBatch(batches[i]), Ct);
            using (response)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
                var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!;
                result.Rejected.ShouldBeEmpty();
                crossings.AddRange(result.Crossings);
            }

            accepted.AddRange(batches[i]);
            if (i < killAt)
            {
                beforeKill.AddRange(batches[i]);
            }
        }

        return (accepted, beforeKill, crossings, killedAt);
    }

    /// <returns>How many messages went from sender to recipient.</returns>
    private static async Task<int> ReceiptedOnceAsync(TestNode sender, TestNode recipient)
    {
        var sent = await QueryAsync(sender, db => db.Outbox.Select(m => new { m.Id, m.Status, m.Type, m.LastError }).ToListAsync(Ct));
        sent.ShouldAllBe(m => m.Status == OutboxStatus.Receipted);
        var received = await QueryAsync(recipient, db => db.Inbox.Select(m => m.Id).ToListAsync(Ct));
        received.Order().ShouldBe(sent.Select(m => m.Id).Order(), "each message is in the partner's inbox once, and nothing else is");
        return sent.Count;
    }

    /// <summary>
    /// Waits until instance 2 has seen a change asked for at <paramref name="asked"/>, and checks that it saw it at the
    /// latest a second after <paramref name="answered"/>, when instance 1 told its caller the change was stored (the
    /// instances share the machine's clock): what one console's user has just been told, another's shows within a second.
    /// </summary>
    private static async Task SeenWithinAsync<T>(IEnumerable<(T Change, DateTimeOffset At)> seen, DateTimeOffset asked, DateTimeOffset answered, string what)
    {
        await EventuallyAsync(() => Task.FromResult(seen.Any(s => s.At >= asked)), $"instance 2 sees {what}", TimeSpan.FromSeconds(5));
        (seen.Where(s => s.At >= asked).Min(s => s.At) - answered).ShouldBeLessThan(LiveFloor, $"instance 2 sees {what} within a second of instance 1's answer");
    }

    private static (ConcurrentQueue<(Guid, DateTimeOffset)> Operations, ConcurrentQueue<(HitsChanged, DateTimeOffset)> Hits) Watch(TestNode instance)
    {
        var (operations, hits) = (new ConcurrentQueue<(Guid, DateTimeOffset)>(), new ConcurrentQueue<(HitsChanged, DateTimeOffset)>());
        instance.Services.GetRequiredService<ChangeFeed<OperationsChange>>().Changed += c =>
            operations.Enqueue((c.OperationId ?? Guid.Empty, DateTimeOffset.UtcNow));
        instance.Services.GetRequiredService<ChangeFeed<HitsChanged>>().Changed += c => hits.Enqueue((c, DateTimeOffset.UtcNow));
        return (operations, hits);
    }

    private static HttpClient At(int port, HttpClient signedIn)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
