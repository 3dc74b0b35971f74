using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>
/// Joint use of a Dutch liaison officer by a Belgian officer (routed to the officer's node), and an administrative-approach
/// answer that may only be passed on to the recipients and for the purpose the request stated.
/// </summary>
public sealed class LiaisonAndSharingTests(RequestNetworkFixture fixture) : IClassFixture<RequestNetworkFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JointUse_TheDirectoryProposesTheDutchOfficer_AndTheRequestGoesToTheDutchNode()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");

        var proposal = (await officer.GetFromJsonAsync<LiaisonProposalView>("api/v1/liaison/proposals?host=CO&language=es", Ct))!;
        proposal.OwnOfficer.ShouldBeFalse();
        var helper = proposal.Officers.ShouldHaveSingleItem();
        (helper.Id, helper.PostingCountry).ShouldBe(("nl-lo-co", "NL"));

        var draft = await CreateAsync(officer, new
        {
            type = "liaison-joint-use", liaisonOfficerId = helper.Id, urgency = "urgent", caseReference = "BE-COKE-12",
            fields = new { hostCountry = "CO", question = "Shipping company behind container MSCU 123456-7", language = "es" },
        });
        draft.Summary.RequestedCountry.ShouldBe("NL");
        draft.LiaisonOfficer.ShouldNotBeNull().ShouldContain("Sanne de Vries");
        await DoAsync(officer, draft.Summary.Id, "submit");

        var received = await WaitForStateAsync(desk, draft.Summary.Id, "received");
        received.LiaisonOfficer.ShouldBe(draft.LiaisonOfficer);
        received.Summary.Recipient.ShouldContain("LIRC");
    }

    [Fact]
    public async Task JointUse_WhereTheOwnCountryHasAnOfficer_Is403NamingTheRule()
    {
        using var officer = await fixture.Network["BE"].SignedInAsync("officer");
        (await officer.GetFromJsonAsync<LiaisonProposalView>("api/v1/liaison/proposals?host=MA", Ct))!.OwnOfficer.ShouldBeTrue();

        var response = await officer.PostAsJsonAsync("api/v1/requests", new
        {
            type = "liaison-joint-use", liaisonOfficerId = "nl-lo-ma", fields = new { hostCountry = "MA", question = "q" },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(response)).Errors!.ShouldHaveSingleItem().Rule.ShouldBe("liaison-own-officer");
        var badHost = await officer.GetAsync("api/v1/liaison/proposals?host=morocco", Ct);
        badHost.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AdministrativeApproach_PassedOnOnlyToTheNamedRecipientForTheStatedPurpose()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");
        var draft = await CreateAsync(officer, Create("administrative-approach", "NL"));
        draft.Summary.SpocCopy.ShouldBeNull("the request goes to the Dutch SPOC itself");
        var id = draft.Summary.Id;
        await DoAsync(officer, id, "submit");

        var early = await officer.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("municipality", "Gemeente Genk", "licence-decision", "Manager known for money laundering"), Ct);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await WaitForStateAsync(desk, id, "received");
        await DoAsync(desk, id, "accept");
        await DoAsync(desk, id, "start-execution");
        await DoAsync(desk, id, "complete", "Manager convicted in 2024 for money laundering (NL)");
        await WaitForStateAsync(officer, id, "done");

        var otherRecipient = await officer.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("tax-authority", "FOD Financiën", "licence-decision", "Manager convicted"), Ct);
        otherRecipient.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(otherRecipient)).Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("recipient"), e => e.Rule.ShouldBe("onward-recipient-not-allowed"));
        var otherPurpose = await officer.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("municipality", "Gemeente Genk", "premises-closure", "Manager convicted"), Ct);
        otherPurpose.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(otherPurpose)).Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("purpose"), e => e.Rule.ShouldBe("purpose-limitation"));
        var fromTheAnsweringSide = await desk.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("municipality", "Gemeente Genk", "licence-decision", "Manager convicted"), Ct);
        fromTheAnsweringSide.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var allowed = await officer.PostAsJsonAsync($"api/v1/requests/{id}/disclosures",
            new PassOnInput("municipality", "Gemeente Genk", "licence-decision", "Manager convicted in 2024 for money laundering"), Ct);
        allowed.StatusCode.ShouldBe(HttpStatusCode.Created);

        var audit = await QueryAsync(be, db => db.AuditEntries.Where(e => e.Action == "request.disclose" && e.Records.Contains(id.ToString()))
            .Select(e => e.Outcome).ToListAsync(Ct));
        audit.ShouldBe(["denied", "denied", "denied", "success"]);
        await EventuallyAsync(async () => (await desk.GetFromJsonAsync<RequestView>($"api/v1/requests/{id}", Ct))!.Timeline
            .Any(e => e.Action == "pass-on" && e.Reason!.Contains("Gemeente Genk", StringComparison.Ordinal)), "the Netherlands sees where its answer went");
    }
}
