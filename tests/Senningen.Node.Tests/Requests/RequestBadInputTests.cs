using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Node.Features.Requests.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>Every bad input the issue names gets problem+json naming field and rule, and nothing is kept or sent.</summary>
public sealed class RequestBadInputTests(RequestNetworkFixture fixture) : IClassFixture<RequestNetworkFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> BadDrafts => new()
    {
        { """{"type":"material-loan","partner":"NL","fields":{"item":"Drone","from":"2027-03-01","until":"2027-03-03","purpose":"p","returnCondition":"r","costs":"shared"}}""", "fields.quantity", "required" },
        { """{"type":"material-loan","partner":"NL","fields":{"item":"Drone","quantity":2,"from":"2027-03-05","until":"2027-03-01","purpose":"p","returnCondition":"r","costs":"shared"}}""", "fields.until", "date-order" },
        { """{"type":"material-loan","partner":"NL","fields":{"item":"Drone","quantity":5000,"from":"2027-03-01","until":"2027-03-03","purpose":"p","returnCondition":"r","costs":"shared"}}""", "fields.quantity", "range" },
        { """{"type":"coffee","partner":"NL","fields":{}}""", "type", "one-of" },
        { """{"partner":"NL","fields":{}}""", "type", "required" },
        { """{"type":"information-request","partner":"BE","fields":{"subject":"s","question":"q","purpose":"p"}}""", "partner", "one-of" },
        { """{"type":"material-loan","partner":"NL","urgency":"crisis","fields":{"item":"Drone","quantity":2,"from":"2027-03-01","until":"2027-03-03","purpose":"p","returnCondition":"r","costs":"shared"}}""", "urgency", "one-of" },
        { """{"type":"investigative-action","partner":"NL","fields":{"action":"witness-hearing","personName":"A","place":"B","plannedAt":"2027-01-15T10:00:00+01:00","consentRecorded":false,"hostOfficerPresent":true,"prosecutorReference":"P","description":"D"}}""", "fields.consentRecorded", "must-be-true" },
        { """{"type":"liaison-joint-use","fields":{"hostCountry":"CO","question":"q"}}""", "liaisonOfficerId", "required" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task BadDraft_Is400NamingFieldAndRule_AndNothingIsKept(string body, string field, string rule)
    {
        var be = fixture.Network["BE"];
        using var officer = await be.SignedInAsync("officer");
        var before = await QueryAsync(be, db => db.Requests.CountAsync(Ct));

        var response = await officer.PostAsync("api/v1/requests", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ProblemAsync(response)).Errors!.ShouldContain(e => e.Field == field && e.Rule == rule);
        (await QueryAsync(be, db => db.Requests.CountAsync(Ct))).ShouldBe(before);
    }

    [Fact]
    public async Task TransitionFromTheWrongState_Is409_ByTheWrongSide_403_ByAnOfficerOfNoUnitOfIt_404_AndNothingIsSent()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");
        using var dutchOfficer = await nl.SignedInAsync("officer");
        var draft = await CreateAsync(officer, Create("information-request", "NL", "urgent"));

        var queued = await QueryAsync(be, db => db.Outbox.CountAsync(Ct));
        var early = await ActAsync(officer, draft.Summary.Id, "complete");
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(early)).Errors!.ShouldHaveSingleItem().Rule.ShouldBe("transition-not-allowed");
        (await QueryAsync(be, db => db.Outbox.CountAsync(Ct))).ShouldBe(queued);

        await DoAsync(officer, draft.Summary.Id, "submit");
        var again = await ActAsync(officer, draft.Summary.Id, "submit");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await WaitForStateAsync(desk, draft.Summary.Id, "received");
        var sentBefore = await QueryAsync(nl, db => db.Outbox.CountAsync(Ct));

        var otherSide = await ActAsync(desk, draft.Summary.Id, "withdraw", "not ours to withdraw");
        otherSide.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(otherSide)).Errors!.ShouldHaveSingleItem().Rule.ShouldBe("transition-other-side");
        // A field officer never reaches the workflow's role check on a partner's request: it is not their unit's (need to know).
        var notTheirs = await ActAsync(dutchOfficer, draft.Summary.Id, "accept");
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var noReason = await ActAsync(desk, draft.Summary.Id, "refuse");
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(noReason)).Errors!.ShouldHaveSingleItem().Field.ShouldBe("reason");
        var delayTooEarly = await ActAsync(desk, draft.Summary.Id, "declare-delay", "waiting for the registry", DateTimeOffset.UtcNow.AddHours(1));
        delayTooEarly.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await QueryAsync(nl, db => db.Outbox.CountAsync(Ct))).ShouldBe(sentBefore);
        (await desk.GetFromJsonAsync<RequestView>($"api/v1/requests/{draft.Summary.Id}", Ct))!.Summary.State.ShouldBe("received");
        var denied = await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Action == "request.step" && e.Outcome == "denied"
            && e.Records.Contains(draft.Summary.Id.ToString()), Ct));
        denied.ShouldBe(1);
        (await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Action == "access.denied" && e.Records == $"request:{draft.Summary.Id}", Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task RefusalWithReason_ReachesTheRequestingSide()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("controlroom");
        // In a zone the Dutch control room answers for: need to know gives it the partner's requests there.
        var draft = await CreateAsync(officer, Create("high-risk-event", "NL", region: "NL-RE08"));
        await DoAsync(officer, draft.Summary.Id, "submit");
        await WaitForStateAsync(desk, draft.Summary.Id, "received");

        await DoAsync(desk, draft.Summary.Id, "refuse", "No units free that week");

        var refused = await WaitForStateAsync(officer, draft.Summary.Id, "refused");
        refused.Timeline[^1].Reason.ShouldBe("No units free that week");
        refused.Actions.ShouldBe(["archive"]);
    }

    [Fact]
    public async Task Attachments_OverTheLimitOrOfAForbiddenType_Are400_AfterSubmission409_AndNothingIsKept()
    {
        var be = fixture.Network["BE"];
        using var officer = await be.SignedInAsync("officer");
        var draft = await CreateAsync(officer, Create("material-loan", "NL"));
        var id = draft.Summary.Id;

        var large = await officer.PostAsJsonAsync($"api/v1/requests/{id}/attachments",
            new AttachmentInput("scan.pdf", "application/pdf", Convert.ToBase64String(new byte[600 * 1024])), Ct);
        large.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(large)).Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("contentBase64"), e => e.Rule.ShouldBe("max-size"));
        var exe = await officer.PostAsJsonAsync($"api/v1/requests/{id}/attachments",
            new AttachmentInput("tool.exe", "application/x-msdownload", Convert.ToBase64String([1, 2, 3])), Ct);
        exe.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(exe)).Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("contentType"), e => e.Rule.ShouldBe("one-of"));
        (await QueryAsync(be, db => db.RequestAttachments.CountAsync(a => a.RequestId == id, Ct))).ShouldBe(0);

        var ok = await officer.PostAsJsonAsync($"api/v1/requests/{id}/attachments",
            new AttachmentInput("list.txt", "text/plain", Convert.ToBase64String("2 drones"u8.ToArray())), Ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        await DoAsync(officer, id, "submit");
        var late = await officer.PostAsJsonAsync($"api/v1/requests/{id}/attachments",
            new AttachmentInput("more.txt", "text/plain", Convert.ToBase64String([65])), Ct);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var desk = await fixture.Network["NL"].SignedInAsync("liaison");
        (await WaitForStateAsync(desk, id, "received")).Attachments.ShouldHaveSingleItem().FileName.ShouldBe("list.txt");
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Form_IsInTheAskedLanguage_WithLegalBasisPartiesAndSignatures(string lang)
    {
        var be = fixture.Network["BE"];
        using var officer = await be.SignedInAsync("officer");
        var draft = await CreateAsync(officer, Create("escort-aliens-law", "NL"));
        await DoAsync(officer, draft.Summary.Id, "submit");

        var form = (await officer.GetFromJsonAsync<RequestFormView>($"api/v1/requests/{draft.Summary.Id}/form?lang={lang}", Ct))!;

        form.Language.ShouldBe(lang);
        form.TypeName.ShouldBe(lang switch
        {
            "nl" => "Vervoer en begeleiding van een persoon (vreemdelingenrecht)",
            "fr" => "Transport et escorte d'une personne (droit des étrangers)",
            "de" => "Beförderung und Begleitung einer Person (Ausländerrecht)",
            _ => "Transport and escort of a person (aliens law)",
        });
        form.LegalBasis.Mission.ShouldBe("transport-aliens-law");
        form.LegalBasis.Text.ShouldContain("Benelux");
        form.Requested.Authority!.Placeholder.ShouldBeTrue();
        form.Fields.Single(f => f.Name == "weaponsCarried").Display.ShouldBe(lang switch { "nl" => "Ja", "fr" => "Oui", "de" => "Ja", _ => "Yes" });
        form.Signatures.Select(s => s.Role).ShouldBe(["requesting", "decision", "completion"]);
        form.Signatures[0].Name.ShouldBe("officer");
        form.Labels.Count.ShouldBe(25);
        form.Labels.Values.ShouldAllBe(v => !v.StartsWith("request.form.", StringComparison.Ordinal));
        var bad = await officer.GetAsync($"api/v1/requests/{draft.Summary.Id}/form?lang=xx", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
