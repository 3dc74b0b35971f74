using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Contracts.Requests;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>
/// The answer's handling and evaluation codes: set by the answering desk, signed with the answer, stored and shown on
/// both copies in the reader's language, and enforced when the requesting side passes the answer on.
/// </summary>
public sealed class HandlingCodeTests(RequestNetworkFixture fixture) : IClassFixture<RequestNetworkFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswerMarkedH2_IsShownOnBothCopies_AndPassingItOnIs403NamingTheCode_WithOneAuditedDenialAndNothingPassedOn()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");
        var id = await AnsweredAsync(officer, desk, new HandlingInput("H2", "B", "3"));

        var answered = await WaitForStateAsync(officer, id, "done");
        // In the reader's language: the Belgian officer reads Dutch.
        answered.Handling.ShouldBe(new HandlingView("H2", "B", "3", null, "H2: niet doorgeven zonder toestemming van de eigenaar", "Bron B: meestal betrouwbaar",
            "3: niet persoonlijk bekend aan de bron, maar bevestigd"));
        (await desk.GetFromJsonAsync<RequestView>($"api/v1/requests/{id}", Ct))!.Handling!.Code.ShouldBe("H2", "the desk's copy shows what it sent");

        var passOn = await officer.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("municipality", "Gemeente Genk", "licence-decision", "Manager convicted in 2024"), Ct);

        passOn.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(passOn)).Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("handling"), e => e.Rule.ShouldBe("handling-code-H2"));
        var audit = await QueryAsync(be, db => db.AuditEntries.Where(e => e.Action == "request.disclose" && e.Records.Contains(id.ToString())).ToListAsync(Ct));
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Outcome.ShouldBe("denied"), e => e.Detail!.ShouldContain("handling-code-H2"));
        (await officer.GetFromJsonAsync<RequestView>($"api/v1/requests/{id}", Ct))!.Timeline.ShouldNotContain(e => e.Action == "pass-on");
    }

    [Fact]
    public async Task AnswerWithTheDefaultH1_IsPassedOnToTheNamedRecipient_AndAuditedAsADisclosure()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");
        var id = await AnsweredAsync(officer, desk, null);
        (await WaitForStateAsync(officer, id, "done")).Handling!.Code.ShouldBe("H1");

        var passOn = await officer.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("municipality", "Gemeente Genk", "licence-decision", "Manager convicted in 2024"), Ct);

        passOn.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await QueryAsync(be, db => db.AuditEntries.Where(e => e.Action == "request.disclose" && e.Records.Contains(id.ToString())).Select(e => e.Outcome)
            .ToListAsync(Ct))).ShouldBe(["success"]);
    }

    [Theory]
    [InlineData("complete", "H9", "A", "1", null, "handling.code", "handling-code")]
    [InlineData("complete", "H1", "E", "1", null, "handling.reliability", "source-reliability")]
    [InlineData("complete", "H1", "A", "5", null, "handling.accuracy", "information-accuracy")]
    [InlineData("complete", "H3", "A", "1", null, "handling.conditions", "h3-conditions")]
    [InlineData("complete", "H1", "A", "1", "only for the licence", "handling.conditions", "h3-conditions")]
    [InlineData("start-execution", "H1", "A", "1", null, "handling", "complete-only")]
    public async Task BadHandlingCodes_Are400NamingTheFieldAndRule_AndChangeNothing(string action, string code, string reliability, string accuracy,
        string? conditions, string field, string rule)
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");
        var id = await ExecutingAsync(officer, desk);

        var response = await desk.PostAsJsonAsync($"api/v1/requests/{id}/transitions",
            new TransitionInput(action, "Manager convicted", Handling: new HandlingInput(code, reliability, accuracy, conditions)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe(field), e => e.Rule.ShouldBe(rule));
        var after = (await desk.GetFromJsonAsync<RequestView>($"api/v1/requests/{id}", Ct))!;
        (after.Summary.State, after.Handling).ShouldBe(("in-execution", (HandlingView?)null));
    }

    private static async Task<Guid> ExecutingAsync(HttpClient officer, HttpClient desk)
    {
        var id = (await CreateAsync(officer, Create("administrative-approach", "NL"))).Summary.Id;
        await DoAsync(officer, id, "submit");
        await WaitForStateAsync(desk, id, "received");
        await DoAsync(desk, id, "accept");
        await DoAsync(desk, id, "start-execution");
        return id;
    }

    private static async Task<Guid> AnsweredAsync(HttpClient officer, HttpClient desk, HandlingInput? handling)
    {
        var id = await ExecutingAsync(officer, desk);
        var response = await desk.PostAsJsonAsync($"api/v1/requests/{id}/transitions",
            new TransitionInput("complete", "Manager convicted in 2024 for money laundering (NL)", Handling: handling), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return id;
    }
}
