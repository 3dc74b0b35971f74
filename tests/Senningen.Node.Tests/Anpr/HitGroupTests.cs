using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Anpr;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>
/// The hit board's groups over the API, on both stores: the sightings of one entry form one group (count, first and last
/// seen, camera names), ordered by the action's urgency and then recency, filtered and paged by the database; a group is
/// acknowledged through its latest hit, never a later one.
/// </summary>
public sealed class HitGroupTests
{
    private const string SecondCamera = "T-POLICE-2";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Whole seconds, so the stored milliseconds compare equal.
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Groups_RepeatedSightingsOfOneEntry_AreOneGroup_OrderedByUrgencyThenRecency_AndFiltered(Store store)
    {
        await using var node = await StartAsync(store);
        using var gateway = await node.SignedInAsync("officer");
        await SendAsync(gateway,
            Seen(PoliceCamera, "1-KLM-385", -50), Seen(SecondCamera, "1-KLM-385", -20), Seen(PoliceCamera, "1-KLM-385", -30),
            Seen(PoliceCamera, "1-RPT-001", -1), Seen(PoliceCamera, "1-RPT-001", -2), Seen(SecondCamera, "1-RPT-001", -3),
            Seen(SecondCamera, "1-DSC-002", -10), Seen(PoliceCamera, "1-STP-003", -5));
        // Two cameras in two control rooms' zones: the desk sees both (need to know).
        using var desk = await node.SignedInAsync("liaison");

        var page = await GroupsAsync(desk, "");

        page.Groups.Select(g => (g.EntryPlate, g.Action, g.Count)).ShouldBe(
        [
            ("1KLM385", "seize", 3), ("1STP003", "stop-and-check", 1), ("1DSC002", "discreet-check", 1), ("1RPT001", "report-only", 3),
        ]);
        page.Total.ShouldBe(4);
        var seize = page.Groups[0];
        (seize.FirstSeen, seize.LastSeen, seize.Unacknowledged).ShouldBe((Now.AddMinutes(-50), Now.AddMinutes(-20), 3));
        seize.Cameras.ShouldBe(["E19 Meer test lane", "E40 Jabbeke test lane"]);
        (seize.LatestPlate, seize.Lat, seize.Lon).ShouldBe(("1KLM385", 51.2, 3.1));
        page.Groups.Select(g => new HitGroupOrder(AnprNames.Actions[g.Action], g.LastSeen, g.EntryId))
            .ShouldBe(page.Groups.Select(g => new HitGroupOrder(AnprNames.Actions[g.Action], g.LastSeen, g.EntryId))
                .Order(Comparer<HitGroupOrder>.Create(HitUrgencies.CompareForBoard)));

        (await GroupsAsync(desk, "?action=report-only")).Groups.ShouldHaveSingleItem().EntryPlate.ShouldBe("1RPT001");
        (await GroupsAsync(desk, "?category=sis-discreet-check")).Groups.ShouldHaveSingleItem().EntryPlate.ShouldBe("1DSC002");
        var atSecond = await GroupsAsync(desk, $"?camera={SecondCamera}");
        atSecond.Groups.Select(g => (g.EntryPlate, g.Count)).ShouldBe([("1KLM385", 1), ("1DSC002", 1), ("1RPT001", 1)]);
        (await GroupsAsync(desk, "?state=acknowledged")).Total.ShouldBe(0);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task AcknowledgingAGroup_AcknowledgesItsLatestHitAndTheEarlierOnes_NotALaterSighting_InOneAuditEntry(Store store)
    {
        await using var node = await StartAsync(store);
        using var gateway = await node.SignedInAsync("officer");
        await SendAsync(gateway, Seen(PoliceCamera, "1-KLM-385", -9));
        await SendAsync(gateway, Seen(SecondCamera, "1-KLM-385", -8));
        // Two cameras in two control rooms' zones: the desk sees both (need to know).
        using var desk = await node.SignedInAsync("liaison");
        var seen = (await GroupsAsync(desk, "")).Groups.ShouldHaveSingleItem();
        var later = (await SendAsync(gateway, Seen(PoliceCamera, "1-KLM-385", -1))).Hits.ShouldHaveSingleItem();

        var response = await desk.PostAsJsonAsync($"api/v1/anpr/hits/{seen.LatestHitId}/acknowledge-group", new AcknowledgeHitRequest("unit 31 sent"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var done = (await response.Content.ReadFromJsonAsync<HitGroupAcknowledged>(Ct))!;
        (done.HitIds.Count, done.AcknowledgedBy, done.HitIds.Contains(seen.LatestHitId)).ShouldBe((2, "liaison", true));
        var open = (await GroupsAsync(desk, "")).Groups.ShouldHaveSingleItem();
        (open.Count, open.LatestHitId).ShouldBe((1, later.Id));
        var all = (await GroupsAsync(desk, "?state=all")).Groups.ShouldHaveSingleItem();
        (all.Count, all.Unacknowledged).ShouldBe((3, 1));
        (await GroupsAsync(desk, "?state=acknowledged")).Groups.ShouldHaveSingleItem().Count.ShouldBe(2);
        var audited = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action == AuditActions.AnprHitAcknowledged)
            .Select(e => new { e.Records, e.Detail, e.Actor }).ToListAsync(Ct));
        var entry = audited.ShouldHaveSingleItem();
        entry.Records.Split('\n').ShouldBe(done.HitIds.Select(id => $"hit:{id}"), ignoreOrder: true);
        (entry.Detail, entry.Actor).ShouldBe(("unit 31 sent", "liaison"));

        var again = await desk.PostAsJsonAsync($"api/v1/anpr/hits/{seen.LatestHitId}/acknowledge-group", new AcknowledgeHitRequest(null), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Groups_ArePaged_WithTheTotal_AndNoGroupOnTwoPages()
    {
        await using var node = await StartAsync(Store.Sqlite);
        using var gateway = await node.SignedInAsync("officer");
        await SendAsync(gateway, [.. Enumerable.Range(0, 7).Select(i => Seen(PoliceCamera, $"1-PGE-00{i}", -i))]);
        using var controlRoom = await node.SignedInAsync("controlroom");

        var pages = new[] { await GroupsAsync(controlRoom, "?pageSize=3"), await GroupsAsync(controlRoom, "?pageSize=3&page=2"),
            await GroupsAsync(controlRoom, "?pageSize=3&page=3"), await GroupsAsync(controlRoom, "?pageSize=3&page=4") };

        pages.Select(p => p.Groups.Count).ShouldBe([3, 3, 1, 0]);
        pages.ShouldAllBe(p => p.Total == 7);
        pages.SelectMany(p => p.Groups).Select(g => g.EntryPlate).ShouldBe([.. Enumerable.Range(0, 7).Select(i => $"1PGE00{i}")]);
    }

    [Fact]
    public async Task Groups_WalkedThroughNextLinks_ShowEachGroupOnce_AndTheOldPageParametersAreDeprecated()
    {
        await using var node = await StartAsync(Store.Sqlite);
        using var gateway = await node.SignedInAsync("officer");
        await SendAsync(gateway, [.. Enumerable.Range(0, 7).Select(i => Seen(PoliceCamera, $"1-PGE-00{i}", -i))]);
        using var controlRoom = await node.SignedInAsync("controlroom");

        var plates = new List<string>();
        var pages = 0;
        string? next = "api/v1/anpr/hits/groups?limit=3";
        while (next is not null)
        {
            var response = await controlRoom.GetAsync(next, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            response.Headers.Contains("Deprecation").ShouldBeFalse();
            var page = (await response.Content.ReadFromJsonAsync<HitGroupPage>(Ct))!;
            (page.Total, page.PageSize).ShouldBe((7, 3));
            plates.AddRange(page.Groups.Select(g => g.EntryPlate));
            pages++;
            next = NextLink(response);
        }

        pages.ShouldBe(3);
        plates.ShouldBe([.. Enumerable.Range(0, 7).Select(i => $"1PGE00{i}")]);

        var old = await controlRoom.GetAsync("api/v1/anpr/hits/groups?pageSize=2&page=2", Ct);
        old.Headers.Contains("Deprecation").ShouldBeTrue();
        old.Headers.Contains("Sunset").ShouldBeTrue();
        (await old.Content.ReadFromJsonAsync<HitGroupPage>(Ct))!.Groups.Select(g => g.EntryPlate).ShouldBe(["1PGE002", "1PGE003"]);
        NextLink(old).ShouldNotBeNull().ShouldContain("limit=2");
    }

    [Theory]
    [InlineData("limit=0", "limit", "range")]
    [InlineData("limit=201", "limit", "range")]
    [InlineData("limit=3&cursor=not-a-cursor", "cursor", "cursor-invalid")]
    public async Task BadPaging_OfTheGroups_IsAProblemNamingTheField_AndReadsNothing(string query, string field, string rule)
    {
        await using var node = await StartAsync(Store.Sqlite);
        using var controlRoom = await node.SignedInAsync("controlroom");

        var problem = await ProblemAsync(await controlRoom.GetAsync($"api/v1/anpr/hits/groups?{query}", Ct), HttpStatusCode.BadRequest);

        problem.Errors!.Select(e => (e.Field, e.Rule)).ShouldBe([(field, rule)]);
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AnprHitRead, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task BadFilters_AndBadGroupAcknowledgements_AreProblems_NamingTheFieldAndRule()
    {
        await using var node = await StartAsync(Store.Sqlite);
        using var controlRoom = await node.SignedInAsync("controlroom");

        var response = await controlRoom.GetAsync(
            $"api/v1/anpr/hits/groups?state=open&category=speeding&action=arrest&camera={new string('C', 65)}&page=0&pageSize=1000&since=yesterday", Ct);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Select(e => (e.Field, e.Rule)).ShouldBe(
        [
            ("since", "format"), ("state", "one-of"), ("category", "one-of"), ("action", "one-of"), ("camera", "max-length"), ("page", "range"),
            ("pageSize", "range"),
        ], ignoreOrder: true);
        problem.Errors!.ShouldAllBe(e => e.Message.Length > 0);

        var badId = await ProblemAsync(await controlRoom.PostAsJsonAsync("api/v1/anpr/hits/not-a-hit/acknowledge-group", new AcknowledgeHitRequest(null), Ct),
            HttpStatusCode.BadRequest);
        badId.Errors!.Single().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("id"), e => e.Rule.ShouldBe("format"));
        var longNote = await ProblemAsync(await controlRoom.PostAsJsonAsync($"api/v1/anpr/hits/{Guid.NewGuid()}/acknowledge-group",
            new AcknowledgeHitRequest(new string('n', 501)), Ct), HttpStatusCode.BadRequest);
        longNote.Errors!.Single().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("note"), e => e.Rule.ShouldBe("max-length"));
        await ProblemAsync(await controlRoom.PostAsJsonAsync($"api/v1/anpr/hits/{Guid.NewGuid()}/acknowledge-group", new AcknowledgeHitRequest(null), Ct),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Groups_AreForTheControlRoomOnly_AndEveryReadIsAudited()
    {
        await using var node = await StartAsync(Store.Sqlite);
        using var gateway = await node.SignedInAsync("officer");
        var hit = (await SendAsync(gateway, Seen(PoliceCamera, "1-KLM-385", -1))).Hits.ShouldHaveSingleItem();
        using var controlRoom = await node.SignedInAsync("controlroom");

        (await gateway.GetAsync("api/v1/anpr/hits/groups", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gateway.PostAsJsonAsync($"api/v1/anpr/hits/{hit.Id}/acknowledge-group", new AcknowledgeHitRequest(null), Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = node.Anonymous();
        (await anonymous.GetAsync("api/v1/anpr/hits/groups", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await GroupsAsync(controlRoom, "");

        var audited = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action == AuditActions.AnprHitRead)
            .Select(e => new { e.Records, e.Actor }).ToListAsync(Ct));
        audited.ShouldHaveSingleItem().ShouldBe(new { Records = $"hit:{hit.Id}", Actor = "controlroom" });
    }

    private static async Task<TestNode> StartAsync(Store store)
    {
        var node = await TestNode.StartAsync(store, "BE");
        await RegisterCamerasAsync(node);
        using var admin = await node.SignedInAsync("admin");
        (await admin.PostAsJsonAsync("api/v1/anpr/cameras",
            new RegisterCameraRequest(SecondCamera, "Federale Politie", "E40 Jabbeke test lane", 51.181, 3.091, "W", "police", null, null), Ct))
            .EnsureSuccessStatusCode();
        string[] lines =
        [
            CsvHeader, Line("1-KLM-385", "sis-seizure", "BE"), Line("1-RPT-001", "be-nl-shared-reference", "BE", "shared after assessment"),
            Line("1-DSC-002", "sis-discreet-check", "BE"), Line("1-STP-003", "stolen-vehicle", "BE"),
            .. Enumerable.Range(0, 7).Select(i => Line($"1-PGE-00{i}", "stolen-plate", "BE")),
        ];
        await ImportCsvAsync(admin, string.Join('\n', lines));
        return node;
    }

    private static PlateReadInput Seen(string camera, string plate, int minutes) =>
        new(camera, plate, null, "BE", 0.97, Now.AddMinutes(minutes), camera == SecondCamera ? 51.2 : 51.48, camera == SecondCamera ? 3.1 : 4.75);

    // Link may also name the deprecation notice: the next page is the value whose rel is "next".
    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.SelectMany(v => v.Split(','))
                .Where(l => l.Contains("rel=\"next\"", StringComparison.Ordinal))
                .Select(l => l.Split(';')[0].Trim().Trim('<', '>').TrimStart('/')).SingleOrDefault()
            : null;

    private static async Task<HitGroupPage> GroupsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"api/v1/anpr/hits/groups{query}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<HitGroupPage>(Ct))!;
    }

    private static async Task<ProblemBody> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
    }
}
