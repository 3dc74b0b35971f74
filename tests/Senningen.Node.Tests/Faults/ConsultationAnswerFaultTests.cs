using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Core.Countries;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Consultation.Data;
using Senningen.Node.Features.Consultation.Messages;
using Senningen.Node.Features.Registry.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Faults;

/// <summary>
/// A Belgian officer consults the Dutch register and the Dutch node, the one that answers, is killed between taking the
/// query in and sending its answer: after the restart every search has exactly one answer, and each answer sent is
/// one disclosure audited once.
/// </summary>
public sealed class ConsultationAnswerFaultTests
{
    private const int Tries = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnsweringNodeKilledBetweenQueryAndAnswer_EachSearchGetsOneAnswer_DisclosedAndAuditedOnce() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1906), async random =>
        {
            // A query lives as long as the search waits: long enough here that a restarted node still answers it.
            var settings = FaultLoop.Settings();
            settings["Senningen:Consultation:PartnerTimeout"] = "00:03:00";
            await using var network = await TestNetwork.CreateAsync(["BE", "NL"], settings: _ => settings);
            var (be, nl) = (network["BE"], network["NL"]);
            await be.StartAgainAsync();
            await nl.StartAgainAsync();
            var persons = await QueryAsync(nl, db => db.RegistryPersons.OrderBy(p => p.Id).Take(Tries).ToListAsync(Ct));
            await nl.StopAsync();
            using var officer = await be.SignedInAsync("officer");
            var searches = new List<Guid>();

            await FaultLoop.RunAsync(nl, random, Tries, 30, 1000, "officer", async (i, _, ct) =>
            {
                var person = persons[i];
                using var started = await officer.PostAsJsonAsync("api/v1/consultation/searches", new ConsultationSearchRequest("joint-post", "persons",
                    "identity check at the Baarle joint post", $"BE-2026-{i:0000}", new PersonCriteriaInput(person.Surname, person.GivenNames.Split(' ')[0],
                        person.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Partners: ["NL"]), CancellationToken.None);
                started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(CancellationToken.None));
                var search = (await started.Content.ReadFromJsonAsync<ConsultationSearchView>(CancellationToken.None))!.Id;
                searches.Add(search);
                // The write is done when the answer is back in Belgium.
                try
                {
                    while (!await QueryAsync(be, db => db.ConsultationAnswers.AnyAsync(a => a.SearchId == search, ct)))
                    {
                        await Task.Delay(20, ct);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Where the kill fell: before the query reached the Dutch node, or after it receipted the query.
                    var query = (await OutboxAsync(be, QueryPayload.Type, search.ToString())).Single();
                    TestContext.Current.TestOutputHelper?.WriteLine($"try {i}: at the kill the query was {(query == OutboxStatus.Receipted ? "receipted by NL, no answer back yet" : "not yet receipted")}");
                    throw;
                }
            }, async (_, _) => await FaultLoop.PartnerReachedAsync(be, "NL"));

            await EventuallyAsync(() => Task.FromResult(searches.Count == Tries), "each search was started in Belgium");
            await nl.StartAgainAsync();
            await EventuallyAsync(async () => await QueryAsync(be, db => db.ConsultationAnswers.CountAsync(a => searches.Contains(a.SearchId), Ct)) == Tries,
                "every search has its Dutch answer after the restart", TimeSpan.FromSeconds(60));
            await EventuallyAsync(async () => await QueryAsync(nl, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, Ct)) == 0,
                "the Dutch outbox is delivered");
            foreach (var search in searches)
            {
                var id = search.ToString();
                var record = $"consultation:{search}";
                (await InboxAsync(nl, QueryPayload.Type, CountryCode.Belgium, id))
                    .ShouldBe([InboxStatus.Handled], $"{record}: the query is taken in once and handled once");
                (await OutboxAsync(nl, AnswerPayload.Type, id)).Count.ShouldBe(1, $"{record}: one answer sent");
                (await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConsultationDisclosed && e.Records.Contains(record), Ct)))
                    .ShouldBe(1, $"{record}: the disclosure is audited once");
                (await InboxAsync(be, AnswerPayload.Type, CountryCode.Netherlands, id)).Count.ShouldBe(1, $"{record}: Belgium receives one answer");
                (await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ConsultationAnswerReceived && e.Records.Contains(record), Ct)))
                    .ShouldBe(1, $"{record}: and audits it once");
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"{Tries} searches, each answered once and its disclosure audited once");
            await FaultLoop.AuditVerifiesAsync(be);
            await FaultLoop.AuditVerifiesAsync(nl);
        });

    // Payloads are stored encrypted (ADR 0029): each node opens its own copies, sent or received, to find a search's messages.
    private static async Task<List<OutboxStatus>> OutboxAsync(TestNode node, string type, string text)
    {
        var protection = node.Services.GetRequiredService<PayloadProtection>();
        var rows = await QueryAsync(node, db => db.Outbox.Where(m => m.Type == type).Select(m => new { m.Id, m.Payload, m.Status }).ToListAsync(Ct));
        return [.. rows.Where(m => protection.OpenStored(m.Id, m.Payload)?.Contains(text, StringComparison.Ordinal) == true).Select(m => m.Status)];
    }

    private static async Task<List<InboxStatus>> InboxAsync(TestNode node, string type, CountryCode sender, string text)
    {
        var protection = node.Services.GetRequiredService<PayloadProtection>();
        var rows = await QueryAsync(node, db => db.Inbox.Where(m => m.Type == type && m.Sender == sender).Select(m => new { m.Id, m.Payload, m.Status })
            .ToListAsync(Ct));
        return [.. rows.Where(m => protection.OpenStored(m.Id, m.Payload)?.Contains(text, StringComparison.Ordinal) == true).Select(m => m.Status)];
    }
}
