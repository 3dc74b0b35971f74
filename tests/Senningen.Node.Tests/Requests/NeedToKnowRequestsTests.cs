using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Requests;
using Senningen.Core.Countries;
using Senningen.Core.Requests;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>
/// The Belgian node (with the Dutch one as its partner, so drafts can name it) with the demo users and users of another
/// unit and another zone, shared by the tests of the class.
/// </summary>
public sealed class NeedToKnowRequestsFixture : IAsyncLifetime
{
    private TestNetwork _network = null!;

    public TestNode Node => _network["BE"];

    public IReadOnlyDictionary<string, HttpClient> Users { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL"]);
        Users = new Dictionary<string, HttpClient>
        {
            // Unit A (the demo patrol) and unit B, in the same zone: a zone gives an officer nothing.
            ["officer-a"] = await Node.SignedInAsync("officer"),
            ["officer-b"] = await Node.SignedInAsNewAsync("ntk-req-officer-b", "PZ Kempenland", "Officer", ["BE-VAN"]),
            // The Antwerp control room (demo, BE-VAN) and the Limburg one (BE-VLI).
            ["room-van"] = await Node.SignedInAsync("controlroom"),
            ["room-vli"] = await Node.SignedInAsNewAsync("ntk-req-room-vli", "CIC Limburg", "ControlRoom", ["BE-VLI"]),
            ["liaison"] = await Node.SignedInAsync("liaison"),
            ["dpo"] = await Node.SignedInAsync("dpo"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Users.Values)
        {
            client.Dispose();
        }

        await _network.DisposeAsync();
    }
}

/// <summary>
/// Need to know over cooperation requests (issue 17 §1), as a table: every API route that takes a request id, tried by
/// officers of two units, control rooms of two zones, the desk and the DPO, on a unit's draft and on a partner's request
/// in the Antwerp zone. Outside the caller's reach: 404 like a missing request, exactly one audited denial, nothing changed;
/// inside: the route's own answer, no denial, and a read writes exactly one entry. Lists hold only what the reach covers.
/// </summary>
public sealed class NeedToKnowRequestsTests(NeedToKnowRequestsFixture fixture) : IClassFixture<NeedToKnowRequestsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode Node => fixture.Node;

    // Route → (answer on officer A's draft, answer on the partner's received request) for someone who may change it.
    private static readonly Dictionary<string, (HttpStatusCode Draft, HttpStatusCode Incoming)> Allowed = new()
    {
        ["get"] = (HttpStatusCode.OK, HttpStatusCode.OK),
        ["form"] = (HttpStatusCode.OK, HttpStatusCode.OK),
        ["attach"] = (HttpStatusCode.Created, HttpStatusCode.Conflict),
        ["submit"] = (HttpStatusCode.OK, HttpStatusCode.Conflict),
        ["withdraw"] = (HttpStatusCode.OK, HttpStatusCode.Forbidden),
        ["acknowledge"] = (HttpStatusCode.Conflict, HttpStatusCode.OK),
        ["disclose"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
    };

    // Who reaches what: R = reads, C = reads and changes, "" = neither (not found).
    private static readonly (string Kind, string Caller, string Reach)[] Reaches =
    [
        ("draft", "officer-a", "C"), ("draft", "officer-b", ""), ("draft", "room-van", ""), ("draft", "room-vli", ""), ("draft", "liaison", "C"),
        ("draft", "dpo", "R"),
        ("incoming", "officer-a", ""), ("incoming", "officer-b", ""), ("incoming", "room-van", "C"), ("incoming", "room-vli", ""),
        ("incoming", "liaison", "C"), ("incoming", "dpo", "R"),
    ];

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (kind, caller, reach) in Reaches)
        {
            foreach (var route in Allowed.Keys)
            {
                data.Add(kind, caller, reach, route);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryRouteWithARequestId_OutsideTheReach_Is404WithOneDenial_InsideIsTheRoutesOwnAnswer(string kind, string caller, string reach,
        string route)
    {
        var id = kind == "draft" ? (await CreateAsync(fixture.Users["officer-a"], Create("information-request", "NL"))).Summary.Id : await IncomingAsync("BE-VAN");
        var before = await SnapshotAsync(id);
        var mayRead = reach.Length > 0;
        var mayChange = reach == "C";
        var reads = route is "get" or "form";

        var response = await CallAsync(fixture.Users[caller], route, id);

        var after = await SnapshotAsync(id);
        if (reads ? mayRead : mayChange)
        {
            var expected = kind == "draft" ? Allowed[route].Draft : Allowed[route].Incoming;
            response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Ct));
            (after.Denials - before.Denials).ShouldBe(0);
            if (reads)
            {
                (after.Reads - before.Reads).ShouldBe(1, "one audited read");
            }

            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await ProblemAsync(response);
        var missing = await CallAsync(fixture.Users[caller], route, Guid.NewGuid());
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var absent = await ProblemAsync(missing);
        (problem.Type, problem.Title, problem.Detail).ShouldBe((absent.Type, absent.Title, absent.Detail), "the same answer as for a request that does not exist");
        (after.Denials - before.Denials).ShouldBe(1, "exactly one audited denial");
        (after.Reads - before.Reads).ShouldBe(0);
        (after.Steps - before.Steps).ShouldBe(0, "no workflow step or refusal recorded");
        (after.State, after.Attachments, after.Acknowledged).ShouldBe((before.State, before.Attachments, before.Acknowledged), "nothing changed");
    }

    [Fact]
    public async Task Lists_HoldOnlyWhatTheReachCovers_AndEachReadWritesOneEntry()
    {
        var mine = (await CreateAsync(fixture.Users["officer-a"], Create("material-loan", "NL"))).Summary.Id;
        var theirs = (await CreateAsync(fixture.Users["officer-b"], Create("material-loan", "NL"))).Summary.Id;
        var antwerp = await IncomingAsync("BE-VAN");
        var limburg = await IncomingAsync("be-vli");
        var routing = await IncomingAsync("BE-LIM");

        (await ListAsync("officer-a", "")).ShouldSatisfyAllConditions(l => l.ShouldContain(mine), l => l.ShouldNotContain(theirs), l => l.ShouldNotContain(antwerp));
        (await ListAsync("officer-b", "?box=outbox")).ShouldSatisfyAllConditions(l => l.ShouldContain(theirs), l => l.ShouldNotContain(mine));
        (await ListAsync("room-van", "?box=inbox")).ShouldSatisfyAllConditions(l => l.ShouldContain(antwerp), l => l.ShouldNotContain(limburg),
            l => l.ShouldNotContain(routing));
        (await ListAsync("room-vli", "")).ShouldSatisfyAllConditions(l => l.ShouldContain(limburg), l => l.ShouldNotContain(antwerp),
            l => l.ShouldNotContain(mine));
        (await ListAsync("liaison", "")).ShouldContain(id => id == mine || id == theirs || id == antwerp || id == limburg || id == routing, 5);
        (await ListAsync("dpo", "")).ShouldContain(id => id == mine || id == theirs || id == antwerp || id == limburg || id == routing, 5);
    }

    [Fact]
    public async Task CrisisBanner_ShowsOnlyTheCrisisRequestsOfTheViewersZones()
    {
        var antwerp = await IncomingAsync("BE-VAN", Urgency.Crisis);
        var limburg = await IncomingAsync("BE-VLI", Urgency.Crisis);

        async Task<List<Guid>> OpenAsync(string caller) =>
            [.. (await fixture.Users[caller].GetFromJsonAsync<List<RequestSummary>>("api/v1/requests/crisis/open", Ct))!.Select(r => r.Id)];
        (await OpenAsync("room-van")).ShouldSatisfyAllConditions(l => l.ShouldContain(antwerp), l => l.ShouldNotContain(limburg));
        (await OpenAsync("room-vli")).ShouldSatisfyAllConditions(l => l.ShouldContain(limburg), l => l.ShouldNotContain(antwerp));
        (await OpenAsync("liaison")).ShouldContain(antwerp);
        (await OpenAsync("liaison")).ShouldContain(limburg);
        (await OpenAsync("officer-a")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dpo_CannotDraftARequest_403NamingTheRule_OneDenial_NothingKept()
    {
        var (requests, denials) = await QueryAsync(Node, async db => (await db.Requests.CountAsync(Ct), await DenialsAsync(db, "request:new")));

        var response = await fixture.Users["dpo"].PostAsJsonAsync("api/v1/requests", Create("information-request", "NL"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(response)).Errors!.ShouldHaveSingleItem().Rule.ShouldBe("need-to-know");
        (await QueryAsync(Node, db => db.Requests.CountAsync(Ct))).ShouldBe(requests);
        (await QueryAsync(Node, db => DenialsAsync(db, "request:new"))).ShouldBe(denials + 1);
    }

    [Fact]
    public async Task BadInput_OnTheOwnDraft_Is400NamingTheField_OnAnotherUnitsDraft_404()
    {
        var id = (await CreateAsync(fixture.Users["officer-a"], Create("material-loan", "NL"))).Summary.Id;
        var bad = new AttachmentInput("tool.exe", "application/x-msdownload", Convert.ToBase64String([1, 2, 3]));

        var own = await fixture.Users["officer-a"].PostAsJsonAsync($"api/v1/requests/{id}/attachments", bad, Ct);
        var other = await fixture.Users["officer-b"].PostAsJsonAsync($"api/v1/requests/{id}/attachments", bad, Ct);
        var noAction = await fixture.Users["officer-a"].PostAsJsonAsync($"api/v1/requests/{id}/transitions", new TransitionInput("fly"), Ct);

        own.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(own)).Errors!.ShouldHaveSingleItem().Field.ShouldBe("contentType");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        noAction.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(noAction)).Errors!.ShouldHaveSingleItem().Field.ShouldBe("action");
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string route, Guid id) => route switch
    {
        "get" => client.GetAsync($"api/v1/requests/{id}", Ct),
        "form" => client.GetAsync($"api/v1/requests/{id}/form?lang=en", Ct),
        "attach" => client.PostAsJsonAsync($"api/v1/requests/{id}/attachments",
            new AttachmentInput("note.txt", "text/plain", Convert.ToBase64String("two drones"u8.ToArray())), Ct),
        "submit" => ActAsync(client, id, "submit"),
        "withdraw" => ActAsync(client, id, "withdraw", "no longer needed"),
        "acknowledge" => client.PostAsync($"api/v1/requests/{id}/acknowledge", null, Ct),
        _ => client.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("municipality", "Gemeente Genk", "licence-decision", "Known links to organised crime"), Ct),
    };

    private sealed record Snapshot(int Denials, int Reads, int Steps, RequestState State, int Attachments, bool Acknowledged);

    private Task<Snapshot> SnapshotAsync(Guid id) => QueryAsync(Node, async db =>
    {
        var record = $"request:{id}";
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
        return new Snapshot(await DenialsAsync(db, record),
            await db.AuditEntries.CountAsync(e => e.Action == "request.read" && e.Records == record, Ct),
            await db.AuditEntries.CountAsync(e => e.Action == "request.step" && e.Records.Contains(id.ToString()), Ct),
            request.State, await db.RequestAttachments.CountAsync(a => a.RequestId == id, Ct), request.AcknowledgedAt is not null);
    });

    private static Task<int> DenialsAsync(SenningenDbContext db, string record) =>
        db.AuditEntries.CountAsync(e => e.Action == "access.denied" && e.Outcome == "denied" && e.Records == record, Ct);

    private async Task<List<Guid>> ListAsync(string caller, string query)
    {
        var audited = await QueryAsync(Node, db => db.AuditEntries.CountAsync(e => e.Action == "request.read" && e.Detail!.StartsWith("list"), Ct));
        var list = (await fixture.Users[caller].GetFromJsonAsync<List<RequestSummary>>($"api/v1/requests{query}", Ct))!;
        (await QueryAsync(Node, db => db.AuditEntries.CountAsync(e => e.Action == "request.read" && e.Detail!.StartsWith("list"), Ct)))
            .ShouldBe(audited + 1, "one entry per list read");
        return [.. list.Select(r => r.Id)];
    }

    // A partner's request as the Dutch node would have sent it, received here: no owner unit, the region it names.
    private async Task<Guid> IncomingAsync(string region, Urgency urgency = Urgency.Normal)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var id = Guid.CreateVersion7(now);
        await using var scope = Node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        db.Requests.Add(new CooperationRequest
        {
            Id = id, Reference = $"NL-{id.ToString("N")[^8..]}", Type = "information-request", Side = RequestSide.Requested,
            RequestingCountry = CountryCode.Netherlands, RequestedCountry = CountryCode.Belgium, State = RequestState.Received, Urgency = urgency,
            CaseReference = "NL-CASE-1", Region = region, Recipient = "be-cgi-desk", Fields = "{\"subject\":\"Vehicle 1-ABC-123\"}", CreatedBy = "Agent Jansen",
            CreatedAt = now, SubmittedAt = now, AnswerBy = now.AddDays(7), RemindAt = now.AddDays(6), AcknowledgeBy = urgency == Urgency.Crisis ? now.AddMinutes(5) : null,
            ClockRunning = true, ConversationId = Guid.CreateVersion7(now), UpdatedAt = now,
        });
        await db.SaveChangesAsync(Ct);
        return id;
    }
}
