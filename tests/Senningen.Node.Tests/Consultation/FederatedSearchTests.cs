using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Node.Features.Registry.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Consultation;

/// <summary>
/// Three real nodes, Luxembourg stopped: a Belgian officer at a joint post searches a person the Netherlands has on
/// its register. The Dutch node answers with the full record it decided to disclose, Luxembourg shows as not answering
/// after the per-partner timeout, both sides audit; bad requests are refused before anything leaves Belgium.
/// </summary>
public sealed class FederatedSearchTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL", "LU"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Consultation:PartnerTimeout"] = "00:00:03" });
        await _network["LU"].StopAsync();
    }

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task JointPostSearch_TheDutchNodeAnswersInFull_LuxembourgIsShownAsNotAnswering_AndBothSidesAudit()
    {
        var (be, nl) = (_network["BE"], _network["NL"]);
        var person = await QueryAsync(nl, db => db.RegistryPersons.OrderBy(p => p.Id).Skip(5).FirstAsync(Ct));
        using var officer = await be.SignedInAsync("officer");

        var started = await officer.PostAsJsonAsync("api/v1/consultation/searches", new ConsultationSearchRequest("joint-post", "persons",
            "identity check at the Baarle joint post", "BE-2026-0042", new PersonCriteriaInput(person.Surname.ToUpperInvariant(),
                person.GivenNames.Split(' ')[0], person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), Ct);

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(Ct));
        var search = (await started.Content.ReadFromJsonAsync<ConsultationSearchView>(Ct))!;
        search.Partners.Select(p => (p.Country, p.State)).ShouldBe([("NL", "waiting"), ("LU", "waiting")], ignoreOrder: true);
        ConsultationSearchView view = search;
        await EventuallyAsync(async () =>
        {
            view = (await officer.GetFromJsonAsync<ConsultationSearchView>($"api/v1/consultation/searches/{search.Id}", Ct))!;
            return view.Partners.All(p => p.State != "waiting");
        }, "the Dutch answer arrives and Luxembourg's deadline passes", TimeSpan.FromSeconds(20));
        var dutch = view.Partners.Single(p => p.Country == "NL");
        (dutch.State, dutch.Level, dutch.Rule, dutch.Hit).ShouldBe(("answered", "full", "joint-post-consultation:BE-NL", true));
        dutch.Items[0].Reference.ShouldBe($"registry-person:{person.Id}");
        dutch.Items[0].Fields["nationalId"].ShouldBe(person.NationalId);
        dutch.Items[0].Explanation.ShouldNotBeEmpty();
        view.Partners.Single(p => p.Country == "LU").State.ShouldBe("no-answer");

        // Either side can rebuild the consultation: who asked what, why, and what was disclosed.
        var asked = await QueryAsync(be, db => db.AuditEntries.Where(e => e.Action.StartsWith("consultation.")).Select(e => e.Action + " " + e.Records).ToListAsync(Ct));
        asked.ShouldContain(a => a.StartsWith("consultation.search consultation:" + search.Id, StringComparison.Ordinal));
        asked.ShouldContain(a => a.StartsWith("consultation.answer-received", StringComparison.Ordinal) && a.Contains($"NL:registry-person:{person.Id}", StringComparison.Ordinal));
        asked.ShouldContain(a => a.StartsWith("consultation.read", StringComparison.Ordinal));
        var disclosed = await QueryAsync(nl, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.disclosed", Ct));
        (disclosed.Recipient, disclosed.CaseReference, disclosed.Purpose).ShouldBe(("BE", "BE-2026-0042", "identity check at the Baarle joint post"));
        disclosed.Records.ShouldContain($"consultation:{search.Id}");
        disclosed.Detail!.ShouldContain("for officer (BE)");

        // Each DPO finds the consultation in the node's consultation log and rebuilds it from their own side.
        using var beDpo = await be.SignedInAsync("dpo");
        var beLog = (await beDpo.GetFromJsonAsync<List<ConsultationLogRow>>("api/v1/consultation/log", Ct))!;
        var beRow = beLog.Single(r => r.Id == search.Id);
        (beRow.Direction, beRow.Actor, beRow.Counterpart, beRow.CaseReference).ShouldBe(("asked", "officer", "NL,LU", "BE-2026-0042"));
        var beTrail = (await beDpo.GetFromJsonAsync<ConsultationTrail>($"api/v1/consultation/log/{search.Id}", Ct))!;
        // The officer's page polled until every partner was settled; each look that showed records is a read of its own.
        beTrail.Entries.Select(e => e.Action).Distinct().ShouldBe(["consultation.search", "consultation.answer-received", "consultation.read"]);
        using var nlDpo = await nl.SignedInAsync("dpo");
        var nlRow = (await nlDpo.GetFromJsonAsync<List<ConsultationLogRow>>("api/v1/consultation/log", Ct))!.Single(r => r.Id == search.Id);
        (nlRow.Direction, nlRow.Counterpart, nlRow.Purpose).ShouldBe(("answered", "BE", "identity check at the Baarle joint post"));
        var nlTrail = (await nlDpo.GetFromJsonAsync<ConsultationTrail>($"api/v1/consultation/log/{search.Id}", Ct))!;
        nlTrail.Entries.Single().Records.ShouldContain($"registry-person:{person.Id}");
        (await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Action == "audit.read" && e.Records == $"consultation:{search.Id}", Ct))).ShouldBe(1);
        (await officer.GetAsync("api/v1/consultation/log", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("from=yesterday", "from", "format")]
    [InlineData("from=2026-05-02&to=2026-05-01", "to", "range")]
    [InlineData("from=2024-01-01&to=2026-01-01", "from", "range")]
    public async Task ABadLogPeriod_IsRefusedNamingTheField(string query, string field, string rule)
    {
        using var dpo = await _network["BE"].SignedInAsync("dpo");

        var response = await dpo.GetAsync($"api/v1/consultation/log?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("rule").GetString())).ToList();
        errors.ShouldContain((field, rule));
    }

    [Theory]
    [InlineData("""{"dataSet":"persons","purpose":"check","caseReference":"C1","person":{"surname":"Peeters"}}""", "context", "required")]
    [InlineData("""{"context":"coffee-break","dataSet":"persons","purpose":"check","caseReference":"C1","person":{"surname":"Peeters"}}""", "context", "one-of")]
    [InlineData("""{"context":"joint-post","dataSet":"persons","caseReference":"C1","person":{"surname":"Peeters"}}""", "purpose", "required")]
    [InlineData("""{"context":"joint-post","dataSet":"persons","purpose":"check","caseReference":"C1","person":{"surname":"Peeters","birthDate":"1980-02-31"}}""", "person.birthDate", "format")]
    [InlineData("""{"context":"joint-post","dataSet":"persons","purpose":"check","caseReference":"C1","person":{"givenNames":"Jan","birthDate":"1980"}}""", "person", "not-selective")]
    [InlineData("""{"context":"joint-post","dataSet":"vehicles","purpose":"check","caseReference":"C1","plate":"!!"}""", "plate", "format")]
    [InlineData("""{"context":"joint-post","dataSet":"persons","purpose":"check","caseReference":"C1","person":{"surname":"Peeters"},"partners":["FR"]}""", "partners", "partner")]
    public Task BadRequest_IsRefusedNamingFieldAndRule_AndNothingLeavesTheNode(string body, string field, string rule) =>
        BadSearches.RefusedNamingAsync(_network["BE"], body, field, rule);

    [Fact]
    public async Task NamingLuxembourgForAJointPostSearch_Is403NamingTheTreatyRule_AndNothingIsSent()
    {
        var be = _network["BE"];
        using var officer = await be.SignedInAsync("officer");
        var before = await QueryAsync(be, db => db.Outbox.CountAsync(Ct));

        var response = await officer.PostAsJsonAsync("api/v1/consultation/searches", new ConsultationSearchRequest("joint-post", "persons", "check", "C1",
            new PersonCriteriaInput("Schmit", "Marc", "1980-04-02"), Partners: ["LU"]), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("rule").GetString().ShouldBe("joint-post-consultation-not-allowed");
        (await QueryAsync(be, db => db.Outbox.CountAsync(Ct))).ShouldBe(before);
        (await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Action == "consultation.search" && e.Outcome == "denied", Ct))).ShouldBe(1);
    }
}
