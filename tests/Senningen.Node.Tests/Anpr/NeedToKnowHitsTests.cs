using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>
/// Need to know on ANPR hits: a hit belongs to the control-room zone of this country where it was seen. A control room
/// lists only its zones' hits (one audit entry per list), and acknowledging another zone's hit, alone or as a group, is
/// the 404 a missing hit gives, with exactly one audited denial and nothing changed; the desk lists every hit.
/// </summary>
public sealed class NeedToKnowHitsTests : IAsyncLifetime
{
    private const string WestCamera = "T-POLICE-WEST";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode _node = null!;
    private readonly Dictionary<string, HttpClient> _users = [];
    private Guid _east;
    private Guid _west;
    private string _westZone = "";

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(Store.Sqlite, "BE");
        await RegisterCamerasAsync(_node);
        using (var admin = await _node.SignedInAsync("admin"))
        {
            (await admin.PostAsJsonAsync("api/v1/anpr/cameras",
                new RegisterCameraRequest(WestCamera, "Federale Politie", "E40 Jabbeke test lane", 51.181, 3.091, "W", "police", null, null), Ct))
                .EnsureSuccessStatusCode();
            await ImportCsvAsync(admin, string.Join('\n', CsvHeader, Line("1-KLM-385", "sis-seizure", "BE"), Line("1-STP-003", "stolen-vehicle", "BE")));
        }

        using (var gateway = await _node.SignedInAsync("officer"))
        {
            var at = DateTimeOffset.UtcNow.AddMinutes(-1);
            var hits = (await SendAsync(gateway, new PlateReadInput(PoliceCamera, "1-KLM-385", null, "BE", 0.97, at, 51.48, 4.75),
                new PlateReadInput(WestCamera, "1-STP-003", null, "BE", 0.97, at, 51.2, 3.1))).Hits;
            (_east, _west) = (hits.Single(h => h.EntryPlate == "1KLM385").Id, hits.Single(h => h.EntryPlate == "1STP003").Id);
        }

        var zones = await QueryAsync(_node, db => db.AnprHits.ToDictionaryAsync(h => h.Id, h => h.Zone, Ct));
        zones[_east].ShouldBe("BE-VAN");
        _westZone = zones[_west].ShouldNotBeNull();
        _westZone.ShouldNotBe("BE-VAN");
        _users["controlroom"] = await _node.SignedInAsync("controlroom");
        _users["roomWest"] = await _node.SignedInAsNewAsync("roomWest", "CIC West-Vlaanderen", Roles.ControlRoom, [_westZone]);
        _users["liaison"] = await _node.SignedInAsync("liaison");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users.Values)
        {
            user.Dispose();
        }

        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Lists_HoldOnlyTheReadersZones_AndAreAuditedOnce()
    {
        (string Reader, Guid[] Expected)[] table =
        [
            ("controlroom", [_east]),
            ("roomWest", [_west]),
            ("liaison", [_east, _west]),
        ];
        foreach (var (reader, expected) in table)
        {
            var before = await CountAsync(reader, AuditActions.AnprHitRead);

            var hits = await _users[reader].GetFromJsonAsync<List<HitView>>("api/v1/anpr/hits", Ct);
            var groups = await _users[reader].GetFromJsonAsync<HitGroupPage>("api/v1/anpr/hits/groups?state=all", Ct);

            hits!.Select(h => h.Id).ShouldBe(expected, ignoreOrder: true, reader);
            groups!.Groups.Select(g => g.LatestHitId).ShouldBe(expected, ignoreOrder: true, reader);
            groups.Total.ShouldBe(expected.Length, reader);
            (await CountAsync(reader, AuditActions.AnprHitRead) - before).ShouldBe(2, $"{reader}: one entry per list");
        }
    }

    [Fact]
    public async Task AcknowledgingAnotherZonesHit_IsNotFoundWithOneDenial_AndChangesNothing_OwnIsAcknowledged()
    {
        (string Reader, Func<Guid> Hit, string Route, HttpStatusCode Expected)[] table =
        [
            ("controlroom", () => _west, "acknowledge", HttpStatusCode.NotFound),
            ("controlroom", () => _west, "acknowledge-group", HttpStatusCode.NotFound),
            ("roomWest", () => _east, "acknowledge", HttpStatusCode.NotFound),
            ("roomWest", () => _east, "acknowledge-group", HttpStatusCode.NotFound),
            ("roomWest", () => _west, "acknowledge-group", HttpStatusCode.OK),
            ("controlroom", () => _east, "acknowledge", HttpStatusCode.OK),
        ];
        foreach (var (reader, hit, route, expected) in table)
        {
            var (denied, acknowledged) = (await CountAsync(reader, AuditActions.AccessDenied), await CountAsync(reader, AuditActions.AnprHitAcknowledged));
            var state = await AcknowledgedByAsync(hit());

            var response = await _users[reader].PostAsJsonAsync($"api/v1/anpr/hits/{hit()}/{route}", new AcknowledgeHitRequest("seen"), Ct);

            var body = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(expected, $"{reader} {route} {hit()}: {body}");
            if (expected == HttpStatusCode.NotFound)
            {
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await CountAsync(reader, AuditActions.AccessDenied) - denied).ShouldBe(1, $"{reader} {route}");
                (await CountAsync(reader, AuditActions.AnprHitAcknowledged)).ShouldBe(acknowledged);
                (await AcknowledgedByAsync(hit())).ShouldBe(state);
                var missing = await _users[reader].PostAsJsonAsync($"api/v1/anpr/hits/{Guid.NewGuid()}/{route}", new AcknowledgeHitRequest("seen"), Ct);
                missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            }
            else
            {
                (await AcknowledgedByAsync(hit())).ShouldBe(reader);
                (await CountAsync(reader, AuditActions.AccessDenied)).ShouldBe(denied);
            }
        }

        // Bad input is still a problem naming the field, before any need-to-know check.
        var bad = await _users["controlroom"].PostAsJsonAsync($"api/v1/anpr/hits/{_west}/acknowledge", new AcknowledgeHitRequest(new string('n', 501)), Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private Task<string?> AcknowledgedByAsync(Guid hit) =>
        QueryAsync(_node, db => db.AnprHits.Where(h => h.Id == hit).Select(h => h.AcknowledgedBy).SingleAsync(Ct));

    private Task<int> CountAsync(string actor, string action) =>
        QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Actor == actor && e.Action == action, Ct));
}
