using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Operations;

/// <summary>
/// Need to know over partners' operations on this territory (issue 17 §1): a Belgian pursuit's alert belongs to the
/// control room of the Dutch zone it entered. The control room of that zone, one of another zone, the desk, the DPO,
/// a patrol officer and an administrator each try every route that takes an alert id: outside the reach is a 404 like a
/// missing one with exactly one audited denial; inside, a read is audited exactly once.
/// </summary>
public sealed class NeedToKnowAlertsTests(NeedToKnowAlertsTests.Node node) : IClassFixture<NeedToKnowAlertsTests.Node>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>NL with BE as a partner that is not running; the alerts are put in as the crossing handler leaves them.</summary>
    public sealed class Node : IAsyncLifetime
    {
        public const string RoomOtherZone = "ntkops-room-re01";
        public static readonly string[] Users = ["controlroom", RoomOtherZone, "liaison", "dpo", "officer", "admin"];

        private readonly Dictionary<string, HttpClient> _clients = [];
        private TestNetwork _network = null!;

        public TestNode Nl => _network["NL"];

        public HttpClient this[string user] => _clients[user];

        /// <summary>In NL-RE08 (the demo control room's), ended by BE with its report.</summary>
        public Guid Reported { get; private set; }

        /// <summary>In NL-RE01, another control room's zone.</summary>
        public Guid Elsewhere { get; private set; }

        public async ValueTask InitializeAsync()
        {
            _network = await TestNetwork.CreateAsync(["NL", "BE"]);
            await Nl.StartAgainAsync();
            await Nl.CreateAsync(RoomOtherZone, "Meldkamer Noord-Nederland", "ControlRoom", ["NL-RE01"]);
            foreach (var user in Users)
            {
                _clients[user] = await Nl.SignedInAnyAsync(user);
            }

            Reported = await AddAlertAsync("NL-RE08", reported: true);
            Elsewhere = await AddAlertAsync("NL-RE01");
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            await _network.DisposeAsync();
        }

        /// <summary>An open alert of a Belgian pursuit that entered <paramref name="zone"/> a minute ago.</summary>
        public async Task<Guid> AddAlertAsync(string zone, bool reported = false)
        {
            await using var scope = Nl.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            var now = DateTimeOffset.UtcNow;
            var operation = Guid.NewGuid();
            var alert = AlertSteps.Receive(operation, zone, now);
            AlertSteps.Apply(alert, AlertAction.Enter, now);
            alert.FromCountry = CountryCode.Belgium;
            alert.ConversationId = Guid.NewGuid();
            alert.OperationType = OperationTypes.HotPursuit;
            alert.HomeZone = "BE-VAN";
            (alert.Units, alert.Vehicles, alert.Suspect, alert.Reason) = ("BE-P1", "1-ABC-123", "Man, 30s, dark jacket", "Armed robbery");
            (alert.Lat, alert.Lon, alert.CrossedLat, alert.CrossedLon, alert.CrossedAt) = (51.52, 4.765, 51.52, 4.765, now.AddMinutes(-1));
            if (reported)
            {
                alert.Report = JsonSerializer.Serialize(new ReportFacts(operation, OperationTypes.HotPursuit, "BE", "BE-VAN", "PV-2026-0001", ["BE-P1"],
                    ["1-ABC-123"], "Man, 30s, dark jacket", "Armed robbery", now.AddMinutes(-5), "Officer BE", now, "apprehended", null, [], [], [], 0, []),
                    WireMapping.Json);
            }

            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        }

        public Task<int> CountAsync(string user, string action) =>
            QueryAsync(Nl, db => db.AuditEntries.CountAsync(e => e.Actor == user && e.Action == action));
    }

    // An alert in NL-RE08: who may read it, and who may acknowledge it.
    public static TheoryData<string, HttpStatusCode, HttpStatusCode> Reach => new()
    {
        { "controlroom", HttpStatusCode.OK, HttpStatusCode.OK },
        { Node.RoomOtherZone, HttpStatusCode.NotFound, HttpStatusCode.NotFound },
        // Escalations land at the desk, so it reads and acknowledges every alert; the DPO reads and changes nothing.
        { "liaison", HttpStatusCode.OK, HttpStatusCode.OK },
        { "dpo", HttpStatusCode.OK, HttpStatusCode.NotFound },
        // A patrol officer and an administrator are refused by policy (an audited denial too) before need to know is asked.
        { "officer", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { "admin", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task ReadingTheAlertAndItsReport_AnswersByReach_WithOneAuditEntryEach(string user, HttpStatusCode read, HttpStatusCode change)
    {
        _ = change;
        foreach (var suffix in new[] { "", "/report" })
        {
            var (readsBefore, denialsBefore) = (await node.CountAsync(user, AuditActions.AlertRead), await node.CountAsync(user, AuditActions.AccessDenied));

            using var response = await node[user].GetAsync($"api/v1/alerts/{node.Reported}{suffix}", Ct);

            response.StatusCode.ShouldBe(read, suffix);
            (await node.CountAsync(user, AuditActions.AlertRead)).ShouldBe(readsBefore + (read == HttpStatusCode.OK ? 1 : 0));
            (await node.CountAsync(user, AuditActions.AccessDenied)).ShouldBe(denialsBefore + (read is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? 1 : 0));
            if (read == HttpStatusCode.NotFound)
            {
                using var missing = await node[user].GetAsync($"api/v1/alerts/{Guid.NewGuid()}{suffix}", Ct);
                (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct)).ShouldBe(await missing.Content.ReadFromJsonAsync<ProblemBody>(Ct));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task AcknowledgingTheAlert_NeedsTheReachToChange_AndARefusalTellsThePartnerNothing(string user, HttpStatusCode read, HttpStatusCode change)
    {
        _ = read;
        var alert = await node.AddAlertAsync("NL-RE08");
        var denialsBefore = await node.CountAsync(user, AuditActions.AccessDenied);
        var outboxBefore = await QueryAsync(node.Nl, db => db.Outbox.CountAsync(Ct));

        using var response = await node[user].PostAsJsonAsync($"api/v1/alerts/{alert}/acknowledge", new AcknowledgeAlertRequest(null), Ct);

        response.StatusCode.ShouldBe(change);
        var status = await QueryAsync(node.Nl, db => db.Alerts.Where(a => a.Id == alert).Select(a => a.Status).SingleAsync(Ct));
        status.ShouldBe(change == HttpStatusCode.OK ? AlertStatus.Acknowledged : AlertStatus.Open);
        (await QueryAsync(node.Nl, db => db.Outbox.CountAsync(Ct))).ShouldBe(outboxBefore + (change == HttpStatusCode.OK ? 1 : 0));
        (await node.CountAsync(user, AuditActions.AccessDenied)).ShouldBe(denialsBefore + (change is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? 1 : 0));
        if (change == HttpStatusCode.NotFound)
        {
            using var missing = await node[user].PostAsJsonAsync($"api/v1/alerts/{Guid.NewGuid()}/acknowledge", new AcknowledgeAlertRequest(null), Ct);
            (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct)).ShouldBe(await missing.Content.ReadFromJsonAsync<ProblemBody>(Ct));
        }
    }

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task TheList_HoldsOnlyTheReadersZones_AndIsAuditedOnceNamingThem(string user, HttpStatusCode read, HttpStatusCode change)
    {
        _ = change;
        var readsBefore = await node.CountAsync(user, AuditActions.AlertRead);

        using var response = await node[user].GetAsync("api/v1/alerts", Ct);

        if (read == HttpStatusCode.Forbidden)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            return;
        }

        var listed = (await response.Content.ReadFromJsonAsync<List<AlertView>>(Ct))!;
        switch (user)
        {
            case "controlroom":
                listed.ShouldContain(a => a.Id == node.Reported);
                listed.ShouldAllBe(a => a.Zone == "NL-RE08" || a.Zone == "NL-RE09" || a.Zone == "NL-RE10");
                break;
            case Node.RoomOtherZone:
                listed.ShouldContain(a => a.Id == node.Elsewhere);
                listed.ShouldAllBe(a => a.Zone == "NL-RE01");
                break;
            case "dpo":
                listed.ShouldContain(a => a.Id == node.Reported);
                listed.ShouldContain(a => a.Id == node.Elsewhere);
                break;
            default:
                // The desk works on what was escalated to it; none of these was.
                listed.ShouldAllBe(a => a.EscalatedAt != null);
                break;
        }

        (await node.CountAsync(user, AuditActions.AlertRead)).ShouldBe(readsBefore + (listed.Count > 0 ? 1 : 0));
        if (listed.Count > 0)
        {
            var entry = await QueryAsync(node.Nl, db => db.AuditEntries.Where(e => e.Actor == user && e.Action == AuditActions.AlertRead)
                .OrderByDescending(e => e.Sequence).FirstAsync(Ct));
            listed.ShouldAllBe(a => entry.Records.Contains($"alert:{a.Id}"));
        }
    }

    [Fact]
    public async Task BadInput_ToAnotherZonesAlert_IsStillA400NamingTheField()
    {
        using var response = await node[Node.RoomOtherZone].PostAsJsonAsync($"api/v1/alerts/{node.Reported}/acknowledge",
            new AcknowledgeAlertRequest(new string('x', 501)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "note" && e.Rule == "max-length");
    }
}
