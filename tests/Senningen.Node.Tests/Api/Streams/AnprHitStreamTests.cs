using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Api.Streams;

/// <summary>
/// <c>GET /api/v1/streams/anpr-hits</c> on a real node over HTTP: a hit arrives once the read that raised it is stored,
/// only at the control room whose zone it is; the opening and each hit sent are audited; Last-Event-ID replays what was
/// missed; a bad one is a 400 naming it; no token is a 401, a role the hits list refuses a 403; a withdrawn user's
/// stream ends.
/// </summary>
public sealed class AnprHitStreamTests : IAsyncLifetime
{
    private const string WestCamera = "T-STREAM-WEST";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode _node = null!;
    private HttpClient _gateway = null!;
    private HttpClient _room = null!;
    private HttpClient _roomWest = null!;
    private string _westZone = "";

    public async ValueTask InitializeAsync()
    {
        // A one-second revalidation window, so that a withdrawal is seen within the test's few seconds.
        _node = await TestNode.StartAsync(Store.Sqlite, "BE", new Dictionary<string, string?> { ["Senningen:Auth:RevalidateEvery"] = "00:00:01" });
        await RegisterCamerasAsync(_node);
        using (var admin = await _node.SignedInAsync("admin"))
        {
            (await admin.PostAsJsonAsync("api/v1/anpr/cameras",
                new RegisterCameraRequest(WestCamera, "Federale Politie", "E40 Jabbeke test lane", 51.181, 3.091, "W", "police", null, null), Ct))
                .EnsureSuccessStatusCode();
            await ImportCsvAsync(admin, string.Join('\n', CsvHeader, Line("1-SSE-001", "stolen-vehicle", "BE"), Line("1-SSE-002", "stolen-vehicle", "BE"),
                Line("1-SSE-003", "stolen-vehicle", "BE"), Line("1-SSE-004", "stolen-vehicle", "BE"), Line("1-SSE-005", "stolen-vehicle", "BE"),
                Line("1-SSE-006", "stolen-vehicle", "BE"), Line("1-SSE-007", "stolen-vehicle", "BE")));
        }

        _gateway = await _node.SignedInAsync("officer");
        _room = await _node.SignedInAsync("controlroom");
        // The West Flanders control room: the zone the locator gives the west camera.
        _westZone = "BE-VWV";
        _roomWest = await _node.SignedInAsNewAsync("sseRoomWest", "CIC West-Vlaanderen", Roles.ControlRoom, [_westZone]);
    }

    public async ValueTask DisposeAsync()
    {
        _gateway.Dispose();
        _room.Dispose();
        _roomWest.Dispose();
        await _node.DisposeAsync();
    }

    private async Task<HitView> ReadAsync(string camera, string plate, double lat, double lon)
    {
        var result = await SendAsync(_gateway, new PlateReadInput(camera, plate, null, "BE", 0.97, DateTimeOffset.UtcNow.AddSeconds(-5), lat, lon));
        return result.Hits.ShouldHaveSingleItem();
    }

    private Task<HitView> EastAsync(string plate) => ReadAsync(PoliceCamera, plate, 51.48, 4.75);

    private static HitView Hit(SseEvent e) => JsonSerializer.Deserialize<HitView>(e.Data, Web)!;

    private Task<int> CountAsync(string user, string action) =>
        QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Actor == user && e.Action == action, Ct));

    [Fact]
    public async Task AHitStoredAfterTheStreamOpened_ArrivesAsAnEvent_AuditedOnceWithTheOpening()
    {
        var (opened, read) = (await CountAsync("controlroom", AuditActions.StreamOpened), await CountAsync("controlroom", AuditActions.AnprHitRead));
        await using var stream = await SseConnection.OpenAsync(_room, "api/v1/streams/anpr-hits");

        var hit = await EastAsync("1-SSE-001");

        var e = await stream.NextOfAsync("hit", Soon);
        Hit(e).Id.ShouldBe(hit.Id);
        Hit(e).EntryPlate.ShouldBe("1SSE001");
        // The event id is the hit's position in the feed, given after its commit (ADR 0027).
        long.Parse(e.Id.ShouldNotBeNull(), System.Globalization.CultureInfo.InvariantCulture).ShouldBePositive();
        (await CountAsync("controlroom", AuditActions.StreamOpened)).ShouldBe(opened + 1);
        await EventuallyAsync(async () => await CountAsync("controlroom", AuditActions.AnprHitRead) == read + 1, "the hit sent is audited");
        var entry = await QueryAsync(_node, db => db.AuditEntries.Where(a => a.Actor == "controlroom" && a.Action == AuditActions.AnprHitRead)
            .OrderByDescending(a => a.Sequence).FirstAsync(Ct));
        entry.Records.ShouldContain($"hit:{hit.Id}");
    }

    [Fact]
    public async Task AnotherZonesHit_DoesNotArrive_WhileItsOwnControlRoomGetsIt()
    {
        await using var east = await SseConnection.OpenAsync(_room, "api/v1/streams/anpr-hits");
        await using var west = await SseConnection.OpenAsync(_roomWest, "api/v1/streams/anpr-hits");

        var westHit = await ReadAsync(WestCamera, "1-SSE-002", 51.2, 3.1);
        var eastHit = await EastAsync("1-SSE-003");

        Hit(await west.NextOfAsync("hit", Soon)).Id.ShouldBe(westHit.Id);
        // The east hit was stored after the west one: had the west room been shown it, it would come next.
        Hit(await east.NextOfAsync("hit", Soon)).Id.ShouldBe(eastHit.Id);
        await Should.ThrowAsync<TimeoutException>(() => west.NextOfAsync("hit", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task ResumingWithLastEventId_ReplaysTheHitStoredWhileDisconnected()
    {
        string lastId;
        await using (var stream = await SseConnection.OpenAsync(_room, "api/v1/streams/anpr-hits"))
        {
            await EastAsync("1-SSE-004");
            lastId = (await stream.NextOfAsync("hit", Soon)).Id!;
        }

        var missed = await EastAsync("1-SSE-005");
        await using var resumed = await SseConnection.OpenAsync(_room, "api/v1/streams/anpr-hits", lastId);

        var replayed = await resumed.NextOfAsync("hit", Soon);
        Hit(replayed).Id.ShouldBe(missed.Id);
        Position(replayed).ShouldBeGreaterThan(long.Parse(lastId, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ResumingWithAnIdOfBeforePositions_SaysGap_AndGoesOnLive()
    {
        var before = await EastAsync("1-SSE-006");
        await using var resumed = await SseConnection.OpenAsync(_room, "api/v1/streams/anpr-hits", "1767780000123-0f1e2d3c4b5a69788796a5b4c3d2e1f0");

        // The former id cannot be placed: the client is told to reload the list; the stream replays the last 24 hours.
        (await resumed.NextAsync(Soon)).ShouldNotBeNull().Type.ShouldBe("gap");
        Hit(await resumed.NextOfAsync("hit", Soon)).Id.ShouldBe(before.Id);
        var after = await EastAsync("1-SSE-007");
        Hit(await resumed.NextOfAsync("hit", Soon)).Id.ShouldBe(after.Id);
    }

    [Fact]
    public async Task ResumingAfterAPositionNotGivenYet_SaysGap()
    {
        await using var resumed = await SseConnection.OpenAsync(_room, "api/v1/streams/anpr-hits", "999999999");

        (await resumed.NextAsync(Soon)).ShouldNotBeNull().Type.ShouldBe("gap");
    }

    private static long Position(SseEvent e) => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1767780000123-not-a-guid")]
    [InlineData("-0f1e2d3c4b5a69788796a5b4c3d2e1f0")]
    [InlineData("0")]
    [InlineData("-12")]
    [InlineData("12a")]
    [InlineData("99999999999999999999")]
    public async Task AMalformedLastEventId_IsA400NamingIt(string lastEventId)
    {
        using var response = await SseConnection.SendAsync(_room, "api/v1/streams/anpr-hits", lastEventId);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
        problem.Errors!.ShouldContain(e => e.Field == "Last-Event-ID" && e.Rule == "format");
    }

    [Fact]
    public async Task WithoutAToken_Is401_AndWithARoleTheHitsListRefuses_Is403()
    {
        using var anonymous = _node.Anonymous();
        using var none = await SseConnection.SendAsync(anonymous, "api/v1/streams/anpr-hits");
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        none.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var officer = await SseConnection.SendAsync(_gateway, "api/v1/streams/anpr-hits");
        officer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AWithdrawnUsersStream_EndsWithARevokedEvent()
    {
        using var doomed = await _node.SignedInAsNewAsync("sseDoomed", "CIC Antwerpen", Roles.ControlRoom, ["BE-VAN"]);
        await using var stream = await SseConnection.OpenAsync(doomed, "api/v1/streams/anpr-hits");
        using (var admin = await _node.SignedInAsync("admin"))
        {
            (await admin.PostAsync("api/v1/admin/users/sseDoomed/disable", null, Ct)).EnsureSuccessStatusCode();
        }

        (await stream.NextOfAsync("revoked", TimeSpan.FromSeconds(5))).Data.ShouldContain("access-withdrawn");
        (await stream.NextAsync(TimeSpan.FromSeconds(2))).ShouldBeNull("the server ends the stream");
    }
}
