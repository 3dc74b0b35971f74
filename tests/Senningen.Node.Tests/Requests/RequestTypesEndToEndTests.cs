using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>
/// Every request type across two real nodes: a Belgian officer drafts and submits it, the Dutch desk sees it in its
/// inbox, accepts, executes and completes it; both nodes end with the same state and the same timeline, step for step.
/// </summary>
public sealed class RequestTypesEndToEndTests(RequestNetworkFixture fixture) : IClassFixture<RequestNetworkFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Types => [.. TypeIds];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task SubmittedInBelgium_AnsweredInTheNetherlands_VisibleInBothWithTheSameTimeline(string type)
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");

        var draft = await CreateAsync(officer, Create(type, "NL"));
        draft.Summary.State.ShouldBe("draft");
        var submitted = await DoAsync(officer, draft.Summary.Id, "submit");
        submitted.Summary.AnswerBy.ShouldNotBeNull();

        var received = await WaitForStateAsync(desk, draft.Summary.Id, "received");
        received.Summary.Side.ShouldBe("requested");
        received.Fields.Select(f => (f.Name, f.Value)).ShouldBe(draft.Fields.Select(f => (f.Name, f.Value)));
        var inbox = await desk.GetFromJsonAsync<List<RequestSummary>>($"api/v1/requests?box=inbox&type={type}", Ct);
        inbox!.ShouldContain(r => r.Id == draft.Summary.Id);
        if (received.Summary.Crisis)
        {
            await DoAsync(desk, draft.Summary.Id, "acknowledge");
        }

        await DoAsync(desk, draft.Summary.Id, "accept");
        await DoAsync(desk, draft.Summary.Id, "start-execution");
        var done = await DoAsync(desk, draft.Summary.Id, "complete", "Carried out as asked");

        var requesting = await WaitForStateAsync(officer, draft.Summary.Id, "done");
        await EventuallyAsync(async () => (await officer.GetFromJsonAsync<RequestView>($"api/v1/requests/{draft.Summary.Id}", Ct))!.Timeline.Count == done.Timeline.Count,
            "every step reached Belgium");
        requesting = (await officer.GetFromJsonAsync<RequestView>($"api/v1/requests/{draft.Summary.Id}", Ct))!;
        requesting.Timeline.Select(e => (e.Id, e.Action, e.ToState, e.Country)).ShouldBe(done.Timeline.Select(e => (e.Id, e.Action, e.ToState, e.Country)));
        done.Timeline.Select(e => e.Action).ShouldBe(received.Summary.Crisis
            ? ["submit", "receive", "acknowledge", "accept", "start-execution", "complete"]
            : ["submit", "receive", "accept", "start-execution", "complete"]);

        // Both sides keep the steps in their audit log.
        var dutchAudit = await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Records.Contains(draft.Summary.Id.ToString()) && e.Action.StartsWith("request."), Ct));
        var belgianAudit = await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Records.Contains(draft.Summary.Id.ToString()) && e.Action.StartsWith("request."), Ct));
        dutchAudit.ShouldBeGreaterThanOrEqualTo(5);
        belgianAudit.ShouldBeGreaterThanOrEqualTo(5);
    }
}
