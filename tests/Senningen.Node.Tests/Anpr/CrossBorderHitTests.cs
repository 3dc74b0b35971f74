using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>
/// Three real nodes: a Belgian camera reads a plate on the Dutch part of the shared list; the hit reaches the Dutch national
/// desk over the exchange (one on an entry the Netherlands has dropped is refused there) (seen abroad, it lies in no Dutch control room's zone, so need to know gives it to the desk). Luxembourg takes no part in ANPR exchange: a hit on a Luxembourg entry stays in Belgium.
/// </summary>
public sealed class CrossBorderHitTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL", "LU"]);
        await RegisterCamerasAsync(_network["BE"]);
    }

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BelgianHitOnADutchEntry_ReachesTheDutchHitBoard_AndNothingGoesToLuxembourg()
    {
        var (be, nl, lu) = (_network["BE"], _network["NL"], _network["LU"]);
        using var desk = await be.SignedInAsync("liaison");
        using var gateway = await be.SignedInAsync("officer");
        using var dutchDesk = await nl.SignedInAsync("liaison");
        // The Dutch entry on the Dutch list, and the copy of the shared list Belgium holds (with one entry the Netherlands has since dropped).
        await ImportCsvAsync(dutchDesk, string.Join('\n', CsvHeader, Line("XR-528-D", "be-nl-shared-reference", "NL", "Courier in case 2026/118, assessed by the LIRC")));
        var dutchEntry = (await QueryAsync(nl, db => db.AnprHotlist.SingleAsync(e => e.PlateText == "XR528D", Ct))).Id;
        await ImportCsvAsync(desk, string.Join('\n', CsvHeader,
            Line("GB-123-X", "be-nl-shared-reference", "NL", "Dropped by the Netherlands since"),
            Line("XR-528-D", "be-nl-shared-reference", "NL", "Courier in case 2026/118, assessed by the LIRC"),
            Line("DT-4421", "stolen-vehicle", "LU")));

        var result = await SendAsync(gateway, Read(PoliceCamera, "XR-528-D"), Read(PoliceCamera, "DT-4421"), Read(PoliceCamera, "GB-123-X"));

        result.Hits.Select(h => (h.Owner, h.SentTo)).ShouldBe([("NL", "NL"), ("LU", null), ("NL", "NL")], ignoreOrder: true);
        List<HitView> hits = [];
        await EventuallyAsync(async () =>
        {
            hits = (await dutchDesk.GetFromJsonAsync<List<HitView>>("api/v1/anpr/hits", Ct))!;
            return hits.Count == 1 && await CountOutboxAsync(be, Node.Common.Exchange.Data.OutboxStatus.Rejected) == 1;
        }, "the Dutch desk sees the hit on its entry, and Belgium has the refusal of the hit on the dropped one");
        var received = hits.ShouldHaveSingleItem();
        (received.Plate, received.ReceivedFrom, received.CameraId, received.Category, received.Action)
            .ShouldBe(("XR528D", "BE", PoliceCamera, "be-nl-shared-reference", "report-only"));
        // Linked to the Dutch entry, not to Belgium's copy of it; a hit on a stale copy is refused, audited, and not shown.
        received.EntryId.ShouldBe(dutchEntry.ToString());
        var refusal = await QueryAsync(nl, db => db.AuditEntries.SingleAsync(e => e.Action == "exchange.refused", Ct));
        refusal.Detail.ShouldNotBeNull().ShouldEndWith(Senningen.Core.Exchange.RejectionReasons.NoSuchEntry);
        var toLuxembourg = await QueryAsync(be, db => db.Outbox.CountAsync(m => m.Recipient == Senningen.Core.Countries.CountryCode.Luxembourg, Ct));
        toLuxembourg.ShouldBe(0);
        (await CountInboxAsync(lu)).ShouldBe(0);
        (await QueryAsync(lu, db => db.AnprHits.CountAsync(Ct))).ShouldBe(0);
        using (var dutchRoom = await nl.SignedInAsync("controlroom"))
        {
            (await dutchRoom.GetFromJsonAsync<List<HitView>>("api/v1/anpr/hits", Ct))!.ShouldBeEmpty();
        }

        using (var console = await Console.ConsoleSession.SignedInAsync(nl, "liaison"))
        {
            var board = await console.GetPageAsync("/anpr/hits");
            board.ShouldContain("data-testid=\"hit-row\" data-acknowledged=\"false\"");
            board.ShouldContain("Alleen melden");
            board.ShouldContain("Ontvangen van België");
        }

        var ack = await dutchDesk.PostAsJsonAsync($"api/v1/anpr/hits/{received.Id}/acknowledge", new AcknowledgeHitRequest("unit sent"), Ct);
        ack.IsSuccessStatusCode.ShouldBeTrue(await ack.Content.ReadAsStringAsync(Ct));
        (await ack.Content.ReadFromJsonAsync<HitView>(Ct))!.AcknowledgedBy.ShouldBe("liaison");
    }
}
