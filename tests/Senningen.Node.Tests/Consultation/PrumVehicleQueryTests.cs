using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Contracts.Users;
using Senningen.Node.Features.Registry.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Consultation;

/// <summary>
/// The Prüm vehicle registration search (issue 20) across three real nodes: a Luxembourg patrol officer — who may use
/// neither the joint post nor the mixed patrol — asks by VIN and by plate; the registering country answers on its own
/// with the registration in full, the other with nothing found; persons are not searchable in this context, and bad
/// criteria are refused before anything leaves the node.
/// </summary>
public sealed class PrumVehicleQueryTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A partner's answer is awaited for a minute, not the default seconds: the test is about what is answered, and a
    // loaded machine must not turn a late answer into "no answer".
    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL", "LU"],
        settings: _ => new Dictionary<string, string?> { ["Senningen:Consultation:PartnerTimeout"] = "00:01:00" });

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task LuxembourgAsksByVin_TheDutchRegisterAnswersInFull_BelgiumFindsNothing_AndBothAnswersAreAudited()
    {
        var (lu, nl, be) = (_network["LU"], _network["NL"], _network["BE"]);
        var vehicle = await QueryAsync(nl, db => db.RegistryVehicles.OrderBy(v => v.Id).Skip(3).FirstAsync(Ct));
        using var officer = await lu.SignedInAsync("officer");
        // Written as an officer reads it off a registration paper: lower case, in groups.
        var typed = $"{vehicle.Vin[..5].ToLowerInvariant()} {vehicle.Vin[5..11]}-{vehicle.Vin[11..]}";

        var view = await SearchAndWaitAsync(officer, new ConsultationSearchRequest("prum-vehicle", "vehicles", "stolen-vehicle check", "LU-2026-0007",
            Vin: typed));

        view.Partners.Select(p => p.State).ShouldAllBe(s => s == "answered");
        var dutch = view.Partners.Single(p => p.Country == "NL");
        (dutch.State, dutch.Level, dutch.Rule, dutch.Hit).ShouldBe(("answered", "full", "prum-vehicle-query:LU-NL", true));
        var item = dutch.Items.ShouldHaveSingleItem();
        item.Reference.ShouldBe($"registry-vehicle:{vehicle.Id}");
        (item.Fields["vin"], item.Fields["plate"], item.Fields["make"]).ShouldBe((vehicle.Vin, vehicle.Plate, vehicle.Make));
        var belgian = view.Partners.Single(p => p.Country == "BE");
        (belgian.State, belgian.Level, belgian.Hit).ShouldBe(("answered", "full", false));

        var asked = await QueryAsync(lu, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.search" && e.Outcome == "success", Ct));
        asked.Detail!.ShouldContain($"prum-vehicle vehicles; vin {vehicle.Vin}");
        (await QueryAsync(nl, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct))).Records
            .ShouldContain($"registry-vehicle:{vehicle.Id}");
        (await QueryAsync(be, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct))).Detail!.ShouldContain("0 found");
    }

    [Fact]
    public async Task BelgiumAsksByPlate_TheLuxembourgRegisterAnswersInFull()
    {
        var vehicle = await QueryAsync(_network["LU"], db => db.RegistryVehicles.OrderBy(v => v.Id).Skip(7).FirstAsync(Ct));
        using var room = await _network["BE"].SignedInAsync("controlroom");

        var view = await SearchAndWaitAsync(room, new ConsultationSearchRequest("prum-vehicle", "vehicles", "vehicle seen at a burglary", "BE-2026-0311",
            Plate: vehicle.Plate, Partners: ["LU"]));

        var answer = view.Partners.ShouldHaveSingleItem();
        answer.State.ShouldBe("answered");
        (answer.Country, answer.Level, answer.Rule, answer.Hit).ShouldBe(("LU", "full", "prum-vehicle-query:BE-LU", true));
        answer.Items.ShouldContain(i => i.Reference == $"registry-vehicle:{vehicle.Id}" && i.Fields["vin"] == vehicle.Vin);
    }

    [Theory]
    [InlineData("""{"context":"prum-vehicle","dataSet":"persons","purpose":"check","caseReference":"C1","person":{"surname":"Peeters"}}""", "dataSet", "context-data-set")]
    [InlineData("""{"context":"prum-vehicle","dataSet":"vehicles","purpose":"check","caseReference":"C1","vin":"WVWZZZ1JZXW00000I"}""", "vin", "format")]
    [InlineData("""{"context":"prum-vehicle","dataSet":"vehicles","purpose":"check","caseReference":"C1","vin":"WVWZZZ1JZXW0000"}""", "vin", "format")]
    [InlineData("""{"context":"prum-vehicle","dataSet":"vehicles","purpose":"check","caseReference":"C1","vin":"WVWZZZ1JZXW000001 WVWZZZ1JZ"}""", "vin", "max-length")]
    [InlineData("""{"context":"prum-vehicle","dataSet":"vehicles","purpose":"check","caseReference":"C1","vin":"WVWZZZ1JZXW000001","plate":"1-ABC-123"}""", "vin", "plate-or-vin")]
    [InlineData("""{"context":"prum-vehicle","dataSet":"vehicles","purpose":"check","caseReference":"C1"}""", "plate", "required")]
    public Task BadVehicleSearch_IsRefusedNamingFieldAndRule_AndNothingLeavesTheNode(string body, string field, string rule) =>
        BadSearches.RefusedNamingAsync(_network["LU"], body, field, rule);

    [Fact]
    public async Task AnOfficerNotClearedForThePrumSearch_Is403_AndNothingIsSent()
    {
        var lu = _network["LU"];
        using var admin = await lu.SignedInAsync("admin");
        (await admin.PutAsJsonAsync("api/v1/admin/users/officer/authorisations", new UserAuthorisationsRequest([Authorisations.HitNoHit]), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var officer = await lu.SignedInAsync("officer");
        var before = await QueryAsync(lu, db => db.Outbox.CountAsync(Ct));

        var response = await officer.PostAsJsonAsync("api/v1/consultation/searches", new ConsultationSearchRequest("prum-vehicle", "vehicles", "check", "C1",
            Vin: "WVWZZZ1JZXW000001"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("rule").GetString().ShouldBe("national-authorisation");
        (await QueryAsync(lu, db => db.Outbox.CountAsync(Ct))).ShouldBe(before);
    }

    private static async Task<ConsultationSearchView> SearchAndWaitAsync(HttpClient client, ConsultationSearchRequest request)
    {
        var started = await client.PostAsJsonAsync("api/v1/consultation/searches", request, Ct);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(Ct));
        var search = (await started.Content.ReadFromJsonAsync<ConsultationSearchView>(Ct))!;
        var view = search;
        await EventuallyAsync(async () =>
        {
            view = (await client.GetFromJsonAsync<ConsultationSearchView>($"api/v1/consultation/searches/{search.Id}", Ct))!;
            return view.Partners.All(p => p.State != "waiting");
        }, "every partner answers", TimeSpan.FromSeconds(90));
        return view;
    }
}
