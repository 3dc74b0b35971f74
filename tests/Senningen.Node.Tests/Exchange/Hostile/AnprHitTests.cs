using Microsoft.EntityFrameworkCore;
using Senningen.Core.Anpr;
using Senningen.Core.Exchange;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Messages;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// Hits sent to the Dutch node about its own hotlist: what the Dutch desk sees is the Dutch entry, never the sender's
/// words about it. A hit on an entry the Netherlands does not list is refused and audited, not shown.
/// </summary>
public sealed class AnprHitTests : IAsyncLifetime
{
    private HostileScene _scene = null!;

    public async ValueTask InitializeAsync()
    {
        _scene = await HostileScene.StartAsync();
        using var desk = await _scene.Node.SignedInAsync("liaison");
        await ImportCsvAsync(desk, string.Join('\n', CsvHeader, Line("XR-528-D", "stolen-vehicle", "NL")));
    }

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task HitOnAPlateTheNetherlandsDoesNotList_IsRefusedAsNoSuchEntry() =>
        await ExpectRefusedAsync(_scene.Belgium, Hit("GB-123-X", "stolen-vehicle", "stop-and-check"), RejectionReasons.NoSuchEntry);

    [Fact]
    public async Task HitInACategoryTheDutchEntryDoesNotHave_IsRefusedAsNoSuchEntry() =>
        await ExpectRefusedAsync(_scene.Belgium, Hit("XR-528-D", "sis-seizure", "seize"), RejectionReasons.NoSuchEntry);

    [Fact]
    public async Task HitFromACountryTheNetherlandsExchangesNoHitsWith_IsRefused() =>
        await ExpectRefusedAsync(_scene.Luxembourg, Hit("XR-528-D", "stolen-vehicle", "stop-and-check"), RejectionReasons.NotAnprPartner);

    [Fact]
    public async Task HitWithAnActionTheDutchEntryDoesNotHave_ShowsTheDutchEntrysAction()
    {
        var hit = Hit("XR-528-D", "stolen-vehicle", "report-only");

        var receipt = await _scene.Belgium.SendAsync(_scene.Node, _scene.Belgium.Sign(_scene.Belgium.Envelope(_scene.Node, HitPayload.Type, hit)));
        await _scene.HandledAsync();

        receipt.Status.ShouldBe("Accepted");
        var shown = await QueryAsync(_scene.Node, db => db.AnprHits.AsNoTracking().SingleAsync(h => h.Id == hit.HitId));
        (shown.Action, shown.Category, shown.EntryPlate).ShouldBe((HotlistAction.StopAndCheck, HotlistCategory.StolenVehicle, "XR-528-D"));
        var entry = await QueryAsync(_scene.Node, db => db.AnprHotlist.AsNoTracking().SingleAsync(e => e.PlateText == "XR528D"));
        shown.EntryId.ShouldBe(entry.Id.ToString());
        var audited = await QueryAsync(_scene.Node, db => db.AuditEntries.SingleAsync(e => e.Action == "anpr.hit-received"));
        audited.Detail.ShouldNotBeNull().ShouldContain("it said report-only, this node's entry says stop-and-check");
    }

    private async Task ExpectRefusedAsync(HostilePartner from, HitPayload hit, string rule)
    {
        await _scene.ExpectRefusedAsync(from, from.Sign(from.Envelope(_scene.Node, HitPayload.Type, hit)), rule);
        (await QueryAsync(_scene.Node, db => db.AnprHits.CountAsync())).ShouldBe(0);
    }

    private static HitPayload Hit(string entryPlate, string category, string action) => new(Guid.CreateVersion7(), "be-copy-17", entryPlate,
        category, action, entryPlate.Replace("-", "", StringComparison.Ordinal), "NL", 0.93, DateTimeOffset.UtcNow.AddSeconds(-3), 51.48, 4.75,
        "BE-E19-1", "E19 Meer", "police", 1.0, []);
}
