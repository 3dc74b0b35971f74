using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>Reads from camera gateways on one real node: checked one by one, matched, stored or (partner sources) dropped.</summary>
public sealed class ReadIngestTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(Store.Sqlite, "BE", new Dictionary<string, string?> { ["Senningen:Anpr:MaxReadsPerBatch"] = "20" });
        await RegisterCamerasAsync(_node);
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BadReads_AreRejectedOneByOne_WithFieldAndRule_AndValidOnesAreKept()
    {
        using var gateway = await _node.SignedInAsync("officer");
        var now = DateTimeOffset.UtcNow;
        var result = await SendAsync(gateway,
            Read(PoliceCamera, "1-ABC-123"),
            Read("NO-SUCH-CAMERA", "1-ABC-124"),
            Read(PoliceCamera, "") ,
            Read(PoliceCamera, "1-ABC-$$$"),
            Read(PoliceCamera, "1-ABC-125") with { Confidence = 1.5 },
            Read(PoliceCamera, "1-ABC-126") with { ObservedAt = now.AddHours(1) },
            Read(PoliceCamera, "1-ABC-127") with { ObservedAt = now.AddYears(-5) },
            Read(PoliceCamera, "1-ABC-128") with { Lat = 91 },
            Read(PoliceCamera, "1-ABC-129") with { Candidates = [.. Enumerable.Range(0, 11).Select(i => new PlateCandidateInput($"1ABC{i:000}", 0.5))] },
            Read(PoliceCamera, "1-ABC-130") with { Candidates = [new PlateCandidateInput("1ABC131", 2)] },
            null,
            Read(PoliceCamera, "XR-528-D", [new PlateCandidateInput("XR-52B-D", 0.4)]));

        result.Accepted.ShouldBe(2);
        result.Rejected.Select(r => (r.Index, r.Field, r.Rule)).ShouldBe(
        [
            (1, "cameraId", "one-of"), (2, "plate", "required"), (3, "plate", "format"), (4, "confidence", "range"),
            (5, "observedAt", "range"), (6, "observedAt", "range"), (7, "lat", "range"), (8, "candidates", "range"),
            (9, "candidates[0].confidence", "range"), (10, "reads", "required"),
        ]);
        result.Rejected.ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.Problem));
        var stored = await QueryAsync(_node, db => db.AnprReads.OrderBy(r => r.Id).Select(r => r.Plate).ToListAsync(Ct));
        stored.ShouldBe(["1ABC123", "XR528D"]);
    }

    [Fact]
    public async Task NdJson_IsAccepted_OneReadPerLine()
    {
        using var gateway = await _node.SignedInAsync("officer");
        var observed = DateTimeOffset.UtcNow.AddSeconds(-3).ToString("O");
        var body = $$"""
            {"cameraId":"{{PoliceCamera}}","plate":"1-NDJ-001","observedAt":"{{observed}}"}

            {"cameraId":"{{PoliceCamera}}","plate":"1-NDJ-002","observedAt":"{{observed}}","confidence":0.7}
            {"cameraId":"{{PoliceCamera}}","plate":"1-NDJ-003","observedAt":"{{observed}}","lat":99,"lon":4.7}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/x-ndjson");
        var response = await gateway.PostAsync("api/v1/anpr/reads", content, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var result = (await response.Content.ReadFromJsonAsync<ReadBatchResult>(Ct))!;
        result.Accepted.ShouldBe(2);
        result.Rejected.ShouldHaveSingleItem().Field.ShouldBe("lat");
    }

    [Fact]
    public async Task MalformedJson_AndAnOversizedBatch_Are400_NamingReads()
    {
        using var gateway = await _node.SignedInAsync("officer");
        using var broken = new StringContent("""[{"cameraId": "x", """, Encoding.UTF8, "application/json");
        var malformed = await gateway.PostAsync("api/v1/anpr/reads", broken, Ct);
        var tooMany = await gateway.PostAsJsonAsync("api/v1/anpr/reads", Enumerable.Range(0, 21).Select(i => Read(PoliceCamera, $"1ABC{i:000}")), Ct);

        foreach (var (response, rule) in new[] { (malformed, "json-syntax"), (tooMany, "range") })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
            problem.Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("reads"), e => e.Rule.ShouldBe(rule));
        }
    }

    [Fact]
    public async Task PartnerSourceReads_AreNeverStored_AndTheirHitsReachTheControlRoomButNotThePartner()
    {
        using var desk = await _node.SignedInAsync("liaison");
        using var gateway = await _node.SignedInAsync("officer");
        using var controlRoom = await _node.SignedInAsync("controlroom");
        (await ImportCsvAsync(desk, $"{CsvHeader}\n{Line("1-STL-001", "stolen-vehicle", "BE")}")).Added.ShouldBe(1);

        var partner = await SendAsync(gateway, Read(PartnerCamera, "1-PRK-001"), Read(PartnerCamera, "1-STL-001"), Read(PartnerCamera, "1-PRK-002"));
        var police = await SendAsync(gateway, Read(PoliceCamera, "1-POL-001"), Read(PoliceCamera, "1-STL-OO1"));

        partner.Accepted.ShouldBe(3);
        partner.Hits.ShouldBeEmpty();
        police.Hits.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            h => h.EntryPlate.ShouldBe("1STL001"), h => h.Confusions.ShouldNotBeEmpty(), h => h.Action.ShouldBe("stop-and-check"));
        var stored = await QueryAsync(_node, db => db.AnprReads.Select(r => new { r.CameraId, r.Plate }).ToListAsync(Ct));
        stored.ShouldAllBe(r => r.CameraId == PoliceCamera);
        stored.Select(r => r.Plate).ShouldBe(["1POL001", "1STLOO1"], ignoreOrder: true);
        var hits = await controlRoom.GetFromJsonAsync<List<HitView>>("api/v1/anpr/hits", Ct);
        hits!.Select(h => (h.CameraId, h.Source)).ShouldBe([(PoliceCamera, "police"), (PartnerCamera, "partner")], ignoreOrder: true);
        var audited = await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == "anpr.hit-read" && e.Actor == "controlroom", Ct));
        audited.ShouldBe(1);
    }
}
