using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Contracts.Requests;
using Senningen.Node.Features.Requests.Deadlines;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>
/// The Dutch node's deadline worker run at moments of a fake clock: a reminder before the 8-hour deadline, escalation
/// to the Dutch single point of contact when it passes, and a crisis request escalated when nobody acknowledged it;
/// each step reaches the Belgian timeline. The crisis banner lists what is not acknowledged.
/// </summary>
public sealed class RequestDeadlineAndCrisisTests(RequestNetworkFixture fixture) : IClassFixture<RequestNetworkFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UrgentDirectRequest_RemindedBeforeEightHours_EscalatedToTheSpocAfter_OnBothTimelines()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var desk = await nl.SignedInAsync("liaison");
        var draft = await CreateAsync(officer, Create("information-request", "NL", "urgent-direct"));
        var submitted = await DoAsync(officer, draft.Summary.Id, "submit");
        (submitted.Summary.AnswerBy - submitted.Summary.SubmittedAt).ShouldBe(TimeSpan.FromHours(8));
        await WaitForStateAsync(desk, draft.Summary.Id, "received");
        await DoAsync(desk, draft.Summary.Id, "declare-delay", "The registry is down for maintenance", submitted.Summary.AnswerBy!.Value.AddHours(4));
        var worker = nl.Services.GetRequiredService<DeadlineWorker>();
        var clock = new FakeTimeProvider(submitted.Summary.SubmittedAt!.Value);

        // The worker serves every request of the node (other tests share it): this request's own timeline is what counts.
        async Task<int> StepsAsync(string action) =>
            (await desk.GetFromJsonAsync<RequestView>($"api/v1/requests/{draft.Summary.Id}", Ct))!.Timeline.Count(e => e.Action == action);
        clock.Advance(TimeSpan.FromHours(5));
        await worker.RunOnceAsync(clock.GetUtcNow(), Ct);
        (await StepsAsync("remind")).ShouldBe(0);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(clock.GetUtcNow(), Ct);
        (await StepsAsync("remind")).ShouldBe(1);
        await worker.RunOnceAsync(clock.GetUtcNow(), Ct);
        (await StepsAsync("remind")).ShouldBe(1, "one reminder only");
        (await StepsAsync("escalate")).ShouldBe(0);
        clock.Advance(TimeSpan.FromHours(2));
        await worker.RunOnceAsync(clock.GetUtcNow(), Ct);
        (await StepsAsync("escalate")).ShouldBe(1);
        await worker.RunOnceAsync(clock.GetUtcNow(), Ct);
        (await StepsAsync("escalate")).ShouldBe(1, "escalated once");

        var dutch = (await desk.GetFromJsonAsync<RequestView>($"api/v1/requests/{draft.Summary.Id}", Ct))!;
        dutch.Summary.Escalated.ShouldBeTrue();
        dutch.Timeline.Select(e => e.Action).ShouldBe(["submit", "receive", "declare-delay", "remind", "escalate"]);
        dutch.Timeline[^1].Reason.ShouldBe("The registry is down for maintenance");
        var escalation = await QueryAsync(nl, db => db.AuditEntries.SingleAsync(e => e.Action == "request.escalate" && e.Records.Contains(draft.Summary.Id.ToString()), Ct));
        escalation.Recipient.ShouldBe("nl-spoc");
        await EventuallyAsync(async () => (await officer.GetFromJsonAsync<RequestView>($"api/v1/requests/{draft.Summary.Id}", Ct))!.Summary.Escalated,
            "Belgium learns of the escalation");
        var overdue = await officer.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests?box=outbox&overdue=true", Ct);
        overdue!.ShouldNotContain(r => r.Id == draft.Summary.Id, "the real clock has not passed eight hours");
    }

    [Fact]
    public async Task CrisisRequest_PagesTheDesk_ShowsUntilAcknowledged_AndEscalatesWhenNobodyDoesWithinMinutes()
    {
        var (be, nl) = (fixture.Network["BE"], fixture.Network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var controlRoom = await nl.SignedInAsync("controlroom");
        // In a zone the Dutch control room answers for: its banner shows only the crisis requests of its zones.
        var seen = await CreateAsync(officer, Create("special-units-crisis", "NL", region: "NL-RE09"));
        var ignored = await CreateAsync(officer, Create("special-units-crisis", "NL", region: "NL-RE09"));
        ignored.Summary.Recipient.ShouldContain("DSI");
        ignored.Summary.SpocCopy.ShouldNotBeNull();
        await DoAsync(officer, seen.Summary.Id, "submit");
        var submitted = await DoAsync(officer, ignored.Summary.Id, "submit");
        (submitted.Summary.AcknowledgeBy - submitted.Summary.SubmittedAt).ShouldBe(TimeSpan.FromMinutes(5));

        List<RequestSummary> open = [];
        await EventuallyAsync(async () =>
        {
            open = (await controlRoom.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests/crisis/open", Ct))!;
            return open.Count(r => r.Id == seen.Summary.Id || r.Id == ignored.Summary.Id) == 2;
        }, "both crisis requests show on the Dutch control room");
        open.ShouldAllBe(r => r.Crisis);
        (await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Action == "request.page" && e.Recipient == "national-desk", Ct))).ShouldBeGreaterThanOrEqualTo(2);

        await DoAsync(controlRoom, seen.Summary.Id, "acknowledge");
        var twice = await ActAsync(controlRoom, seen.Summary.Id, "acknowledge");
        twice.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        open = (await controlRoom.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests/crisis/open", Ct))!;
        open.ShouldContain(r => r.Id == ignored.Summary.Id);
        open.ShouldNotContain(r => r.Id == seen.Summary.Id);

        var worker = nl.Services.GetRequiredService<DeadlineWorker>();
        await worker.RunOnceAsync(submitted.Summary.SubmittedAt!.Value.AddMinutes(4), Ct);
        (await controlRoom.GetFromJsonAsync<RequestView>($"api/v1/requests/{ignored.Summary.Id}", Ct))!.Summary.Escalated.ShouldBeFalse();
        await worker.RunOnceAsync(submitted.Summary.SubmittedAt!.Value.AddMinutes(5).AddSeconds(1), Ct);

        (await controlRoom.GetFromJsonAsync<RequestView>($"api/v1/requests/{ignored.Summary.Id}", Ct))!.Summary.Escalated.ShouldBeTrue();
        (await controlRoom.GetFromJsonAsync<RequestView>($"api/v1/requests/{seen.Summary.Id}", Ct))!.Summary.Escalated.ShouldBeFalse();
        var audit = await QueryAsync(nl, db => db.AuditEntries.SingleAsync(e => e.Action == "request.escalate" && e.Records.Contains(ignored.Summary.Id.ToString()), Ct));
        audit.Detail!.ShouldContain("not acknowledged");
        await EventuallyAsync(async () => (await officer.GetFromJsonAsync<RequestView>($"api/v1/requests/{ignored.Summary.Id}", Ct))!.Timeline
            .Any(e => e.Action == "escalate"), "Belgium sees the escalation");
        (await officer.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests?box=outbox", Ct))![0].Crisis.ShouldBeTrue("crisis first");
    }
}
