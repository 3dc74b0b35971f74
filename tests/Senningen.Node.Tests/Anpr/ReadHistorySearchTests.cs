using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Anpr.HistorySteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>History search on a Dutch node: every search of stored reads needs the public prosecutor's order.</summary>
public sealed class ReadHistorySearchNlTests : IAsyncLifetime
{
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(Store.Sqlite, "NL");
        await RegisterCamerasAsync(_node);
        await SeedAsync(_node,
        [
            ReadOf("1ABC123", _now.AddHours(-3)), ReadOf("1-ABC-I23", _now.AddHours(-2)), ReadOf("1ABC124", _now.AddHours(-1)),
            ReadOf("I-ABC-123", _now.AddDays(-20)),
        ]);
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReadSearchRequest ByPlate(string plate, string? prosecutor = null) =>
        new(plate, null, _now.AddDays(-7), _now, "judicial", "OM-2026-0042", prosecutor);

    [Fact]
    public async Task WithoutProsecutorReference_Is403ProblemJson_NamingTheRuleAndTheField_AndTheRefusalIsAudited()
    {
        using var controlRoom = await _node.SignedInAsync("controlroom");

        var response = await controlRoom.PostAsJsonAsync("api/v1/anpr/reads/search", ByPlate("1ABC123") with { Purpose = "administrative" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
        problem.Type.ShouldBe("urn:senningen:problem:prosecutor-order-required");
        problem.Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("prosecutorReference"), e => e.Rule.ShouldBe("prosecutor-order-required"), e => e.Message.ShouldNotBeEmpty());
        var audit = await QueryAsync(_node, db => db.AuditEntries.SingleAsync(e => e.Action == "anpr.read-search", Ct));
        audit.ShouldSatisfyAllConditions(
            e => e.Outcome.ShouldBe("denied"), e => e.Actor.ShouldBe("controlroom"), e => e.Purpose.ShouldBe("administrative"),
            e => e.CaseReference.ShouldBe("OM-2026-0042"), e => e.Detail!.ShouldContain("prosecutor-order-required"));
    }

    [Fact]
    public async Task WithTheOrder_FindsOcrConfusedReads_ByCanonicalKey_NewestFirst_AndTheDisclosureIsAudited()
    {
        using var desk = await _node.SignedInAsync("liaison");

        var response = await desk.PostAsJsonAsync("api/v1/anpr/reads/search", ByPlate("I-ABC-123", "OvJ-ROT-2026-117"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var result = (await response.Content.ReadFromJsonAsync<ReadSearchResult>(Ct))!;
        result.Truncated.ShouldBeFalse();
        result.Reads.Select(r => r.Plate).ShouldBe(["1ABCI23", "1ABC123"]);
        result.Reads[0].ShouldSatisfyAllConditions(
            r => r.CameraId.ShouldBe(PoliceCamera), r => r.CameraName.ShouldBe("E19 Meer test lane"), r => r.Lat.ShouldBe(51.48),
            r => r.Candidates.ShouldHaveSingleItem().Plate.ShouldBe("1ABC128"));
        var audit = await QueryAsync(_node, db => db.AuditEntries.SingleAsync(e => e.Action == "anpr.read-search", Ct));
        audit.ShouldSatisfyAllConditions(
            e => e.Outcome.ShouldBe("success"), e => e.Purpose.ShouldBe("judicial"), e => e.CaseReference.ShouldBe("OM-2026-0042"),
            e => e.Detail!.ShouldContain("2 read(s) disclosed"), e => e.Detail!.ShouldContain("OvJ-ROT-2026-117"),
            e => e.Records.Split('\n').Length.ShouldBe(2));
    }

    [Fact]
    public async Task OfficersAreRefused403_AndStrangers401()
    {
        using var officer = await _node.SignedInAsync("officer");
        using var stranger = _node.Anonymous();

        var asOfficer = await officer.PostAsJsonAsync("api/v1/anpr/reads/search", ByPlate("1ABC123", "OvJ-1"), Ct);
        var asStranger = await stranger.PostAsJsonAsync("api/v1/anpr/reads/search", ByPlate("1ABC123", "OvJ-1"), Ct);

        asOfficer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        asStranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == "anpr.read-search", Ct))).ShouldBe(0);
    }
}

/// <summary>
/// History search on a Belgian node: the administrative police may search the first month without more; older reads and
/// judicial searches need the prosecutor's written, reasoned decision. Bad requests name field and rule.
/// </summary>
public sealed class ReadHistorySearchBeTests : IAsyncLifetime
{
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(Store.Sqlite, "BE", new Dictionary<string, string?> { ["Senningen:Anpr:Legal:MaxSearchResults"] = "3" });
        await RegisterCamerasAsync(_node);
        await SeedAsync(_node,
        [
            ReadOf("1XYZ001", _now.AddDays(-2)), ReadOf("1XYZ001", _now.AddDays(-35)),
            .. Enumerable.Range(1, 5).Select(i => ReadOf($"1CAM{i:000}", _now.AddMinutes(-i))),
        ]);
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Thirty days from daysBack on: within the maximum period, so only the law decides.
    private ReadSearchRequest Search(int daysBack, string purpose = "administrative", string? prosecutor = null) =>
        new("1-XYZ-001", null, _now.AddDays(-daysBack), _now.AddDays(30 - daysBack), purpose, "PV-BR-2026-881", prosecutor);

    [Fact]
    public async Task AdministrativeSearchWithinTheLastMonth_NeedsNoReference_ButReaching40DaysBackOrJudicial_Is403()
    {
        using var controlRoom = await _node.SignedInAsync("controlroom");

        var recent = await controlRoom.PostAsJsonAsync("api/v1/anpr/reads/search", Search(20), Ct);
        var older = await controlRoom.PostAsJsonAsync("api/v1/anpr/reads/search", Search(40), Ct);
        var judicial = await controlRoom.PostAsJsonAsync("api/v1/anpr/reads/search", Search(20, "judicial"), Ct);
        var decided = await controlRoom.PostAsJsonAsync("api/v1/anpr/reads/search", Search(40, "judicial", "PK-BRU-2026-55"), Ct);

        recent.StatusCode.ShouldBe(HttpStatusCode.OK, await recent.Content.ReadAsStringAsync(Ct));
        (await recent.Content.ReadFromJsonAsync<ReadSearchResult>(Ct))!.Reads.Count.ShouldBe(1);
        foreach (var refused in new[] { older, judicial })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var problem = (await refused.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
            problem.Type.ShouldBe("urn:senningen:problem:prosecutor-decision-required");
            problem.Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                e => e.Field.ShouldBe("prosecutorReference"), e => e.Rule.ShouldBe("prosecutor-decision-required"));
        }

        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await decided.Content.ReadFromJsonAsync<ReadSearchResult>(Ct))!.Reads.ShouldHaveSingleItem().ObservedAt.ShouldBeLessThan(_now.AddDays(-34));
        var audit = await QueryAsync(_node, db => db.AuditEntries.Where(e => e.Action == "anpr.read-search").OrderBy(e => e.Sequence)
            .Select(e => e.Outcome).ToListAsync(Ct));
        audit.ShouldBe(["success", "denied", "denied", "success"]);
    }

    [Fact]
    public async Task BadRequests_Are400_NamingFieldAndRule_AndAreAudited()
    {
        using var controlRoom = await _node.SignedInAsync("controlroom");
        var good = Search(5);
        var cases = new (ReadSearchRequest Request, string Field, string Rule)[]
        {
            (good with { CameraId = PoliceCamera }, "plate", "exactly-one"),
            (good with { Plate = null }, "plate", "exactly-one"),
            (good with { From = good.To }, "to", "range"),
            (good with { From = good.To!.Value.AddDays(-32) }, "to", "max-period"),
            (good with { Purpose = "curiosity" }, "purpose", "one-of"),
            (good with { CaseReference = " " }, "caseReference", "required"),
            (good with { Plate = "1-ABC-$$$" }, "plate", "format"),
        };

        foreach (var (request, field, rule) in cases)
        {
            var response = await controlRoom.PostAsJsonAsync("api/v1/anpr/reads/search", request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{field} {rule}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
            problem.Errors!.ShouldHaveSingleItem($"{field} {rule}").ShouldSatisfyAllConditions(e => e.Field.ShouldBe(field), e => e.Rule.ShouldBe(rule));
        }

        var audited = await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == "anpr.read-search" && e.Outcome == "failed", Ct));
        audited.ShouldBe(cases.Length);
    }

    [Fact]
    public async Task ByCamera_NewestFirst_CappedWithTruncatedFlag()
    {
        using var desk = await _node.SignedInAsync("liaison");

        var response = await desk.PostAsJsonAsync("api/v1/anpr/reads/search",
            new ReadSearchRequest(null, PoliceCamera, _now.AddHours(-1), _now.AddMinutes(1), "administrative", "PV-BR-2026-882", null), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var result = (await response.Content.ReadFromJsonAsync<ReadSearchResult>(Ct))!;
        result.Truncated.ShouldBeTrue();
        result.Reads.Select(r => r.Plate).ShouldBe(["1CAM001", "1CAM002", "1CAM003"]);
    }
}

/// <summary>The history query (canonical key, period, newest first) on both stores.</summary>
public sealed class ReadHistoryStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task SearchByPlate_FindsOcrConfusions_WithinThePeriod_NewestFirst(Store store)
    {
        var now = DateTimeOffset.UtcNow;
        await using var node = await TestNode.StartAsync(store, "NL");
        await SeedAsync(node, [ReadOf("1ABC123", now.AddHours(-3)), ReadOf("1-ABC-I23", now.AddHours(-2)), ReadOf("I-ABC-123", now.AddDays(-9))]);
        using var controlRoom = await node.SignedInAsync("controlroom");

        var response = await controlRoom.PostAsJsonAsync("api/v1/anpr/reads/search",
            new ReadSearchRequest("1ABC123", null, now.AddDays(-10), now, "judicial", "OM-2026-0043", "OvJ-ROT-2026-118"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var result = (await response.Content.ReadFromJsonAsync<ReadSearchResult>(Ct))!;
        result.Reads.Select(r => r.Plate).ShouldBe(["1ABCI23", "1ABC123", "IABC123"]);
    }
}
