using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Operations.Data;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Operations.PursuitFlowTests;

namespace Senningen.Node.Tests.Operations;

/// <summary>
/// Need to know over this node's operations (issue 17 §1): the demo officer's unit (PZ Noorderkempen, BE-VAN) owns the
/// operations; officers of another unit in the same zone and in another zone, the control rooms of the zone and of
/// another one, the desk, the DPO and an administrator each try every route that takes an operation id. Outside the
/// reach is a 404 like a missing one with exactly one audited denial; inside, a read is audited exactly once.
/// </summary>
public sealed class NeedToKnowOperationsTests(NeedToKnowOperationsTests.Node node) : IClassFixture<NeedToKnowOperationsTests.Node>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>BE with NL as a partner that is not running: what BE would send stays in its outbox, to be counted.</summary>
    public sealed class Node : IAsyncLifetime
    {
        public const string OfficerSameZone = "ntkops-officer-b";
        public const string OfficerOtherZone = "ntkops-officer-c";
        public const string RoomOtherZone = "ntkops-room-vli";
        public static readonly string[] Users = ["officer", OfficerSameZone, OfficerOtherZone, "controlroom", RoomOtherZone, "liaison", "dpo", "admin"];

        private readonly Dictionary<string, HttpClient> _clients = [];
        private TestNetwork _network = null!;

        public TestNode Be => _network["BE"];

        public HttpClient this[string user] => _clients[user];

        /// <summary>Running, of the demo officer's unit in BE-VAN.</summary>
        public OperationView Active { get; private set; } = null!;

        /// <summary>Ended (so it has a report), of the demo officer's unit in BE-VAN.</summary>
        public OperationView Ended { get; private set; } = null!;

        /// <summary>Running, of another unit in another zone (BE-VLI).</summary>
        public OperationView Elsewhere { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _network = await TestNetwork.CreateAsync(["BE", "NL"]);
            await Be.StartAgainAsync();
            await Be.CreateAsync(OfficerSameZone, "PZ Kempen Oost", "Officer", ["BE-VAN"]);
            await Be.CreateAsync(OfficerOtherZone, "PZ Limburg Noord", "Officer", ["BE-VLI"]);
            await Be.CreateAsync(RoomOtherZone, "CIC Limburg", "ControlRoom", ["BE-VLI"]);
            foreach (var user in Users)
            {
                _clients[user] = await Be.SignedInAnyAsync(user);
            }

            Active = await StartPursuitAsync(this["officer"], "BE-VAN", "BE-A1");
            Ended = await StartPursuitAsync(this["officer"], "BE-VAN", "BE-E1");
            (await this["officer"].PostAsJsonAsync($"api/v1/operations/{Ended.Id}/end", new EndOperationRequest("apprehended", null)))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            Elsewhere = await StartPursuitAsync(this[OfficerOtherZone], "BE-VLI", "BE-L1");
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            await _network.DisposeAsync();
        }

        public Task<int> CountAsync(string user, string action) =>
            QueryAsync(Be, db => db.AuditEntries.CountAsync(e => e.Actor == user && e.Action == action));
    }

    // The demo officer's operation: who may read it, and who may change it (end it, post positions into it).
    public static TheoryData<string, HttpStatusCode, HttpStatusCode> Reach => new()
    {
        { "officer", HttpStatusCode.OK, HttpStatusCode.OK },
        { Node.OfficerSameZone, HttpStatusCode.NotFound, HttpStatusCode.NotFound },
        { Node.OfficerOtherZone, HttpStatusCode.NotFound, HttpStatusCode.NotFound },
        { "controlroom", HttpStatusCode.OK, HttpStatusCode.OK },
        { Node.RoomOtherZone, HttpStatusCode.NotFound, HttpStatusCode.NotFound },
        // The desk reads every operation but does not end or steer another unit's pursuit; the DPO reads and changes nothing.
        { "liaison", HttpStatusCode.OK, HttpStatusCode.NotFound },
        { "dpo", HttpStatusCode.OK, HttpStatusCode.NotFound },
        // Administrators run the node, not operations: refused by policy (an audited denial too) before need to know is asked.
        { "admin", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task ReadingTheOperationAndItsReport_AnswersByReach_WithOneAuditEntryEach(string user, HttpStatusCode read, HttpStatusCode change)
    {
        _ = change;
        foreach (var path in new[] { $"api/v1/operations/{node.Active.Id}", $"api/v1/operations/{node.Ended.Id}/report" })
        {
            var (readsBefore, denialsBefore) = (await node.CountAsync(user, AuditActions.OperationRead), await node.CountAsync(user, AuditActions.AccessDenied));

            using var response = await node[user].GetAsync(path, Ct);

            response.StatusCode.ShouldBe(read, path);
            await ExpectAuditAsync(user, response.StatusCode, readsBefore, denialsBefore);
            if (read == HttpStatusCode.NotFound)
            {
                await ShouldLookMissingAsync(response, path.Replace(path.Contains("report") ? node.Ended.Id.ToString() : node.Active.Id.ToString(),
                    Guid.NewGuid().ToString(), StringComparison.Ordinal), user);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task EndingTheOperation_NeedsTheReachToChange(string user, HttpStatusCode read, HttpStatusCode change)
    {
        _ = read;
        var operation = await StartPursuitAsync(node["officer"], "BE-VAN", "BE-X1");
        var denialsBefore = await node.CountAsync(user, AuditActions.AccessDenied);

        using var response = await node[user].PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("lost", null), Ct);

        response.StatusCode.ShouldBe(change);
        var after = (await node["officer"].GetFromJsonAsync<OperationView>($"api/v1/operations/{operation.Id}", Ct))!;
        after.Status.ShouldBe(change == HttpStatusCode.OK ? "ended" : "active");
        (await node.CountAsync(user, AuditActions.AccessDenied)).ShouldBe(denialsBefore + (change is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? 1 : 0));
        if (change == HttpStatusCode.NotFound)
        {
            await ShouldLookMissingAsync(response, $"api/v1/operations/{Guid.NewGuid()}/end", user, new EndOperationRequest("lost", null));
        }
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task PostingPositions_NeedsTheReachToChange_AndARefusedBatchIsNotStored(string user, HttpStatusCode read, HttpStatusCode change)
    {
        _ = read;
        var operation = await StartPursuitAsync(node["officer"], "BE-VAN", "BE-Y1");
        var denialsBefore = await node.CountAsync(user, AuditActions.AccessDenied);
        var batch = new PositionBatch([new PositionFixInput("BE-Y1", 51.40, 4.70, DateTimeOffset.UtcNow, 40, 10, 5)]);

        using var response = await node[user].PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", batch, Ct);

        response.StatusCode.ShouldBe(change);
        (await QueryAsync(node.Be, db => db.UnitFixes.CountAsync(f => f.OperationId == operation.Id, Ct))).ShouldBe(change == HttpStatusCode.OK ? 1 : 0);
        (await node.CountAsync(user, AuditActions.AccessDenied)).ShouldBe(denialsBefore + (change is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? 1 : 0));
    }

    [Fact]
    public async Task PositionsPostedIntoAnotherUnitsPursuit_AcrossTheBorder_RaiseNoCrossingAtThePartner()
    {
        var operation = await StartPursuitAsync(node["officer"], "BE-VAN", "BE-Z1");
        var outboxBefore = await QueryAsync(node.Be, db => db.Outbox.CountAsync(Ct));
        var track = LineEndingNow("BE-Z1", InBelgium, InNetherlands);

        using var refused = await node[Node.OfficerSameZone].PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(track), Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await QueryAsync(node.Be, db => db.UnitFixes.CountAsync(f => f.OperationId == operation.Id, Ct))).ShouldBe(0);
        (await QueryAsync(node.Be, db => db.OperationCrossings.CountAsync(c => c.OperationId == operation.Id, Ct))).ShouldBe(0);
        (await QueryAsync(node.Be, db => db.Outbox.CountAsync(Ct))).ShouldBe(outboxBefore);

        // The same track from the unit that runs the pursuit is a crossing and a message to NL: the check above could fail.
        (await DriveAsync(node["officer"], operation.Id, track)).ShouldHaveSingleItem().To.ShouldBe("NL");
        (await QueryAsync(node.Be, db => db.Outbox.CountAsync(Ct))).ShouldBeGreaterThan(outboxBefore);
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task TheList_HoldsOnlyCoveredOperations_AndIsAuditedOnceNamingThem(string user, HttpStatusCode read, HttpStatusCode change)
    {
        _ = change;
        var readsBefore = await node.CountAsync(user, AuditActions.OperationRead);

        using var response = await node[user].GetAsync("api/v1/operations?take=500", Ct);

        if (read == HttpStatusCode.Forbidden)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            return;
        }

        var listed = (await response.Content.ReadFromJsonAsync<OperationList>(Ct))!.Operations.Select(o => o.Id).ToList();
        listed.Contains(node.Active.Id).ShouldBe(read == HttpStatusCode.OK);
        listed.Contains(node.Ended.Id).ShouldBe(read == HttpStatusCode.OK);
        var seesElsewhere = user is Node.OfficerOtherZone or Node.RoomOtherZone or "liaison" or "dpo";
        listed.Contains(node.Elsewhere.Id).ShouldBe(seesElsewhere);
        var owners = await QueryAsync(node.Be, db => db.Operations.Where(o => listed.Contains(o.Id)).Select(o => new { o.OwnerUnit, o.HomeZone }).ToListAsync(Ct));
        var expectedOwners = user switch
        {
            "officer" => owners.All(o => o.OwnerUnit == "PZ Noorderkempen"),
            Node.OfficerOtherZone => owners.All(o => o.OwnerUnit == "PZ Limburg Noord"),
            "controlroom" => owners.All(o => o.HomeZone == "BE-VAN"),
            Node.RoomOtherZone => owners.All(o => o.HomeZone == "BE-VLI"),
            _ => true,
        };
        expectedOwners.ShouldBeTrue();
        (await node.CountAsync(user, AuditActions.OperationRead)).ShouldBe(readsBefore + (listed.Count > 0 ? 1 : 0));
        if (listed.Count > 0)
        {
            var entry = await QueryAsync(node.Be, db => db.AuditEntries.Where(e => e.Actor == user && e.Action == AuditActions.OperationRead)
                .OrderByDescending(e => e.Sequence).FirstAsync(Ct));
            foreach (var id in listed)
            {
                entry.Records.ShouldContain($"operation:{id}");
            }
        }
    }

    [Fact]
    public async Task BadInput_IntoAnotherUnitsOperation_IsStillA400NamingTheField()
    {
        using var end = await node[Node.OfficerSameZone].PostAsJsonAsync($"api/v1/operations/{node.Active.Id}/end", new EndOperationRequest("vanished", null), Ct);
        using var positions = await node[Node.OfficerSameZone].PostAsJsonAsync($"api/v1/operations/{node.Active.Id}/positions", new PositionBatch([]), Ct);
        using var report = await node[Node.OfficerSameZone].GetAsync($"api/v1/operations/{node.Ended.Id}/report?lang=xx", Ct);

        (await end.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "outcome" && e.Rule == "one-of");
        (await positions.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "fixes" && e.Rule == "range");
        (await report.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "lang" && e.Rule == "one-of");
        end.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        positions.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        report.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task ExpectAuditAsync(string user, HttpStatusCode status, int readsBefore, int denialsBefore)
    {
        var (reads, denials) = (await node.CountAsync(user, AuditActions.OperationRead), await node.CountAsync(user, AuditActions.AccessDenied));
        (reads - readsBefore).ShouldBe(status == HttpStatusCode.OK ? 1 : 0, $"read entries of {user}");
        (denials - denialsBefore).ShouldBe(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? 1 : 0, $"denials of {user}");
    }

    /// <summary>The 404 for another unit's operation says no more than the one for an id that does not exist.</summary>
    private async Task ShouldLookMissingAsync(HttpResponseMessage denied, string missingPath, string user, object? body = null)
    {
        using var missing = body is null ? await node[user].GetAsync(missingPath, Ct) : await node[user].PostAsJsonAsync(missingPath, body, Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        denied.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await denied.Content.ReadFromJsonAsync<ProblemBody>(Ct)).ShouldBe(await missing.Content.ReadFromJsonAsync<ProblemBody>(Ct));
    }
}
