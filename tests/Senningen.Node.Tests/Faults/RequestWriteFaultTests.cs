using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Core.Countries;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Requests.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Faults;

/// <summary>
/// The Belgian node is killed while an officer creates a cooperation request and submits it to the Netherlands; after
/// the restart the officer submits any draft again.
/// </summary>
public sealed class RequestWriteFaultTests
{
    private const int Tries = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAndSubmit_KilledMidWrite_EachRequestIsWholeWithItsAuditAndMessage_AndArrivesOnce() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1905), async random =>
        {
            await using var network = await TestNetwork.CreateAsync(["BE", "NL"], settings: _ => FaultLoop.Settings());
            var (be, nl) = (network["BE"], network["NL"]);
            await nl.StartAgainAsync();

            await FaultLoop.RunAsync(be, random, Tries, 100, 1500, "officer", async (_, officer, ct) =>
            {
                using var created = await officer.PostAsJsonAsync("api/v1/requests", Create("information-request", "NL"), ct);
                created.EnsureSuccessStatusCode();
                var draft = (await created.Content.ReadFromJsonAsync<RequestView>(ct))!;
                using var submitted = await officer.PostAsJsonAsync($"api/v1/requests/{draft.Summary.Id}/transitions", new TransitionInput("submit", null, null), ct);
                submitted.EnsureSuccessStatusCode();
            });

            await be.StartAgainAsync();
            var requests = await QueryAsync(be, db => db.Requests.AsNoTracking().Where(r => r.Side == RequestSide.Requesting).ToListAsync(Ct));
            var drafts = requests.Count(r => r.State == RequestState.Draft);
            TestContext.Current.TestOutputHelper?.WriteLine($"{Tries} tries: {requests.Count} requests created, {requests.Count - drafts} submitted before the kill, {drafts} left as drafts");
            requests.Count.ShouldBeLessThanOrEqualTo(Tries);
            foreach (var request in requests)
            {
                var record = $"request:{request.Id}";
                var created = await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.RequestCreated && e.Records.Contains(record), Ct));
                created.ShouldBe(1, $"{record} has its creation audited once");
                // Payloads are stored encrypted (ADR 0029): the node's own key opens its copy.
                var protection = be.Services.GetRequiredService<Senningen.Node.Common.Exchange.PayloadProtection>();
                var messages = (await QueryAsync(be, db => db.Outbox.Where(m => m.Recipient == CountryCode.Netherlands).Select(m => new { m.Id, m.Payload }).ToListAsync(Ct)))
                    .Count(m => protection.OpenStored(m.Id, m.Payload)?.Contains(request.Id.ToString(), StringComparison.Ordinal) == true);
                messages.ShouldBe(request.State == RequestState.Draft ? 0 : 1, $"{record} ({request.State}) has a message exactly when submitted");
            }

            using (var officer = await be.SignedInAsync("officer"))
            {
                foreach (var draft in requests.Where(r => r.State == RequestState.Draft))
                {
                    await DoAsync(officer, draft.Id, "submit");
                }
            }

            await EventuallyAsync(async () => await QueryAsync(be, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, Ct)) == 0,
                "the Belgian outbox is delivered");
            // The Dutch node receipts a message on arrival and handles it after: wait for the requests, then check none came twice.
            var received = new List<Guid>();
            await EventuallyAsync(async () =>
            {
                received = await QueryAsync(nl, db => db.Requests.Where(r => r.Side == RequestSide.Requested).Select(r => r.Id).ToListAsync(Ct));
                return received.Count >= requests.Count;
            }, "the Dutch node holds every submitted request");
            received.ShouldBe(requests.Select(r => r.Id), ignoreOrder: true, "each request arrives once");
            await FaultLoop.AuditVerifiesAsync(be);
            await FaultLoop.AuditVerifiesAsync(nl);
        });
}
