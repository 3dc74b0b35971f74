using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Officers;
using Senningen.Node.Features.Anpr.Hits;
using Senningen.Node.Features.Anpr.Hotlists;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>
/// The ANPR use cases as a console page calls them (through <see cref="PerCall{T}"/>, from the circuit's scope): each call
/// in a scope of its own, acting and audited as the page's officer, with failures as values the page shows.
/// </summary>
public sealed class ConsoleUseCaseTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        await RegisterCamerasAsync(_node);
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HitBoard_AuditsEachHitOncePerBoard_AsThePagesOfficer_AndASecondAcknowledgementIsRefusedWithItsMessage()
    {
        using var desk = await _node.SignedInAsync("liaison");
        using var gateway = await _node.SignedInAsync("officer");
        await ImportCsvAsync(desk, string.Join('\n', CsvHeader, Line("1-KLM-385", "sis-seizure", "BE")));
        var hit = (await SendAsync(gateway, Read(PoliceCamera, "1-KLM-385"))).Hits.ShouldHaveSingleItem();
        await using var circuit = CircuitOf("controlroom", Roles.ControlRoom, "BE-VAN");
        var board = circuit.ServiceProvider.GetRequiredService<PerCall<HitReader>>();
        var acknowledgements = circuit.ServiceProvider.GetRequiredService<PerCall<HitAcknowledgements>>();
        var shown = new HashSet<Guid>();

        (await board.RunAsync(r => r.BoardAsync(HitBoardQuery.Default, shown, Ct))).Page.Groups.ShouldHaveSingleItem().LatestHitId.ShouldBe(hit.Id);
        await board.RunAsync(r => r.BoardAsync(HitBoardQuery.Default, shown, Ct));
        var first = await acknowledgements.RunAsync(a => a.AcknowledgeAsync(hit.Id, null, Ct));
        var second = await acknowledgements.RunAsync(a => a.AcknowledgeAsync(hit.Id, null, Ct));

        var audited = await QueryAsync(_node, db => db.AuditEntries
            .Where(e => e.Action == AuditActions.AnprHitRead && e.Detail == "hit board").Select(e => e.Actor).ToListAsync(Ct));
        audited.ShouldHaveSingleItem().ShouldBe("controlroom");
        (first.Hit?.AcknowledgedBy, first.Status).ShouldBe(("controlroom", 200));
        (second.Hit, second.Status, second.Error?.Rule).ShouldBe((null, 409, HitAcknowledgements.AlreadyAcknowledged));
        second.Error!.Message.ShouldNotBeNullOrWhiteSpace();
        var unknown = await acknowledgements.RunAsync(a => a.AcknowledgeAsync(Guid.NewGuid(), null, Ct));
        (unknown.Status, unknown.Error?.Message.Length > 0).ShouldBe((404, true));
    }

    [Fact]
    public async Task HitBoard_BannerCallsForAtMostThreeGroupsToAcknowledge_NeverAReportOnlyOne_WhateverTheBoardsFilter()
    {
        using var desk = await _node.SignedInAsync("liaison");
        using var gateway = await _node.SignedInAsync("officer");
        await ImportCsvAsync(desk, string.Join('\n', CsvHeader, Line("1-RPT-001", "be-nl-shared-reference", "BE", "shared after assessment"),
            Line("1-SZE-001", "sis-seizure", "BE"), Line("1-SZE-002", "stolen-plate", "BE"), Line("1-CHK-001", "stolen-vehicle", "BE"),
            Line("1-CHK-002", "sis-discreet-check", "BE")));
        // The report-only sighting is the latest: recency alone would put it first.
        var now = DateTimeOffset.UtcNow;
        PlateReadInput At(string plate, int seconds) => Read(PoliceCamera, plate) with { ObservedAt = now.AddSeconds(seconds) };
        await SendAsync(gateway, At("1-SZE-001", -50), At("1-SZE-002", -40), At("1-CHK-001", -30), At("1-CHK-002", -20), At("1-RPT-001", -10));
        await using var circuit = CircuitOf("controlroom", Roles.ControlRoom, "BE-VAN");
        var board = circuit.ServiceProvider.GetRequiredService<PerCall<HitReader>>();

        var all = await board.RunAsync(r => r.BoardAsync(HitBoardQuery.Default, new HashSet<Guid>(), Ct));
        var reports = await board.RunAsync(r => r.BoardAsync(HitBoardQuery.Default with { Action = Core.Anpr.HotlistAction.ReportOnly }, new HashSet<Guid>(), Ct));

        all.Page.Groups.Select(g => g.Action).ShouldBe(["seize", "seize", "discreet-check", "stop-and-check", "report-only"]);
        all.Urgent.Count.ShouldBe(HitReader.UrgentShown);
        all.Urgent.ShouldAllBe(g => g.Action != "report-only");
        reports.Page.Groups.ShouldHaveSingleItem().Action.ShouldBe("report-only");
        reports.Urgent.Select(g => g.EntryPlate).ShouldBe(all.Urgent.Select(g => g.EntryPlate));
        all.Cameras.ShouldBe([new CameraChoice(PoliceCamera, "E19 Meer test lane")]);
    }

    [Fact]
    public async Task EachCall_HasAScopeOfItsOwn_InWhichTheCircuitsOfficerActs()
    {
        await using var circuit = CircuitOf("liaison", Roles.LiaisonOfficer);
        var officer = circuit.ServiceProvider.GetRequiredService<PerCall<CurrentOfficer>>();

        var first = await officer.RunAsync(o => Task.FromResult(o));
        var second = await officer.RunAsync(o => Task.FromResult(o));
        var entries = await circuit.ServiceProvider.GetRequiredService<PerCall<HotlistReader>>().RunAsync(r => r.LatestAsync(500, Ct));

        (first.Name, second.Name).ShouldBe(("liaison", "liaison"));
        first.ShouldNotBeSameAs(second);
        first.ShouldNotBeSameAs(circuit.ServiceProvider.GetRequiredService<CurrentOfficer>());
        var audited = await QueryAsync(_node, db => db.AuditEntries.Where(e => e.Action == AuditActions.AnprHotlistRead)
            .Select(e => new { e.Actor, e.Detail }).ToListAsync(Ct));
        audited.ShouldHaveSingleItem().ShouldBe(new { Actor = "liaison", Detail = (string?)$"{entries.Count} entries (hotlist page)" });
    }

    /// <summary>The circuit's scope, its officer signed in as the console's circuit handler would set it: name, role and, for a control room, its zones (need to know).</summary>
    private AsyncServiceScope CircuitOf(string user, string role, string? zones = null)
    {
        var scope = _node.Services.CreateAsyncScope();
        Claim[] claims = [new(ClaimTypes.Name, user), new(ClaimTypes.Role, role), .. zones is null ? [] : new[] { new Claim(Actor.ZonesClaim, zones) }];
        scope.ServiceProvider.GetRequiredService<CurrentOfficer>().Use(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        return scope;
    }
}
