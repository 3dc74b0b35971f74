using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>Hotlist import by the international desk: dry run, rejected lines, audited upserts that match at once.</summary>
public sealed class HotlistImportTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(Store.Sqlite, "NL");
        await RegisterCamerasAsync(_node);
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Csv = string.Join('\n',
        CsvHeader,
        Line("XR-528-D", "stolen-vehicle", "NL"),
        Line("", "stolen-vehicle", "NL"),
        Line("GZ-123-K", "stolen-bicycle", "NL"),
        Line("GZ-124-K", "be-nl-shared-reference", "NL"),
        Line("GZ-125-K", "be-nl-shared-reference", "NL", "Suspected courier, PV 2026/118, assessed by the LIRC"),
        "GZ-126-K,stolen-plate,,not-a-date,,NL,",
        Line("XR-528-D", "stolen-vehicle", "NL"));

    [Fact]
    public async Task DryRun_ImportsNothing_AndReportsLineFieldAndRule()
    {
        using var desk = await _node.SignedInAsync("liaison");
        var before = await QueryAsync(_node, db => db.AnprHotlist.CountAsync(Ct));

        var report = await ImportCsvAsync(desk, Csv, dryRun: true);

        report.DryRun.ShouldBeTrue();
        report.Valid.ShouldBe(2);
        (report.Added, report.Updated).ShouldBe((0, 0));
        report.Rejected.Select(r => (r.Line, r.Field, r.Rule)).ShouldBe(
            [(3, "plate", "required"), (4, "category", "one-of"), (5, "assessment", "required"), (7, "validFrom", "format"), (8, "plate", "unique")]);
        (await QueryAsync(_node, db => db.AnprHotlist.CountAsync(Ct))).ShouldBe(before);
        (await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == "anpr.hotlist-import", Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Import_IsAudited_AndChangesMatchingAtOnce_AndDeleteStopsIt()
    {
        using var desk = await _node.SignedInAsync("liaison");
        using var gateway = await _node.SignedInAsync("controlroom");
        (await SendAsync(gateway, Read(PoliceCamera, "XR-528-D"))).Hits.ShouldBeEmpty();

        var report = await ImportCsvAsync(desk, Csv);
        var again = await ImportCsvAsync(desk, $"{CsvHeader}\n{Line("XR 528 D", "stolen-vehicle", "NL")}");
        var hit = (await SendAsync(gateway, Read(PoliceCamera, "XR-52B-D"))).Hits.ShouldHaveSingleItem();

        (report.Added, report.Updated, report.Rejected.Count).ShouldBe((2, 0, 5));
        (again.Added, again.Updated).ShouldBe((0, 1));
        (hit.EntryPlate, hit.Category, hit.Owner, hit.Score < 1).ShouldBe(("XR528D", "stolen-vehicle", "NL", true));
        var audit = await QueryAsync(_node, db => db.AuditEntries.Where(e => e.Action == "anpr.hotlist-import").Select(e => e.Actor).ToListAsync(Ct));
        audit.ShouldBe(["liaison", "liaison"]);

        var entries = await desk.GetFromJsonAsync<List<HotlistEntryView>>("api/v1/anpr/hotlist?plate=XR528D", Ct);
        var entry = entries.ShouldHaveSingleItem();
        (await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == "anpr.hotlist-read" && e.Actor == "liaison", Ct))).ShouldBe(1);
        (await desk.DeleteAsync($"api/v1/anpr/hotlist/{entry.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SendAsync(gateway, Read(PoliceCamera, "XR-528-D"))).Hits.ShouldBeEmpty();
        (await QueryAsync(_node, db => db.AuditEntries.CountAsync(e => e.Action == "anpr.hotlist-delete", Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task JsonImport_IsAccepted_AndAnotherMediaTypeIs415()
    {
        using var desk = await _node.SignedInAsync("admin");
        var lines = new[] { new HotlistEntryInput("GZ-999-K", "sis-seizure", null, ListedSince, null, null, null) };
        var response = await desk.PostAsJsonAsync("api/v1/anpr/hotlist/import", lines, Ct);
        using var xml = new StringContent("<list/>", Encoding.UTF8, "application/xml");
        var refused = await desk.PostAsync("api/v1/anpr/hotlist/import", xml, Ct);

        (await response.Content.ReadFromJsonAsync<HotlistImportReport>(Ct))!.Added.ShouldBe(1);
        var listed = (await desk.GetFromJsonAsync<List<HotlistEntryView>>("api/v1/anpr/hotlist?category=sis-seizure", Ct))!.ShouldHaveSingleItem();
        (listed.Action, listed.Owner).ShouldBe(("seize", "NL"));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }
}
