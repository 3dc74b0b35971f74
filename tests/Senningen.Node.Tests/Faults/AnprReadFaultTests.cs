using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Messages;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Faults;

/// <summary>The Belgian node is killed while it stores a batch of camera reads, one of which hits a Dutch entry.</summary>
public sealed class AnprReadFaultTests
{
    private const int Tries = 3;
    private const int Plain = 59;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadBatchWithAHit_KilledMidWrite_IsWholeOrAbsent_AndItsHitReachesTheNetherlandsOnce() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1902), async random =>
        {
            await using var network = await TestNetwork.CreateAsync(["BE", "NL"], settings: _ => FaultLoop.Settings());
            var (be, nl) = (network["BE"], network["NL"]);
            await nl.StartAgainAsync();
            await be.StartAgainAsync();
            await RegisterCamerasAsync(be);
            var entry = string.Join('\n', CsvHeader, Line("XR-528-D", "be-nl-shared-reference", "NL", "Courier in case 2026/118"));
            using (var dutchDesk = await nl.SignedInAsync("liaison"))
            {
                await ImportCsvAsync(dutchDesk, entry);
            }

            using (var desk = await be.SignedInAsync("liaison"))
            {
                await ImportCsvAsync(desk, entry);
            }

            await be.StopAsync();

            var tries = await FaultLoop.RunAsync(be, random, Tries, 100, 1500, "officer", async (i, gateway, ct) =>
            {
                var reads = Enumerable.Range(0, Plain).Select(n => Read(PoliceCamera, $"{i + 1}-FAB-{n:000}")).Append(Read(PoliceCamera, "XR-528-D"));
                using var response = await gateway.PostAsJsonAsync("api/v1/anpr/reads", reads, ct);
                response.EnsureSuccessStatusCode();
            });

            await be.StartAgainAsync();
            var stored = new List<int>();
            foreach (var attempt in tries)
            {
                var prefix = $"{attempt.Index + 1}FAB";
                var count = await QueryAsync(be, db => db.AnprReads.CountAsync(r => r.Plate.StartsWith(prefix), Ct));
                count.ShouldBeOneOf([0, Plain], $"try {attempt.Index}: a batch is stored whole or not at all");
                if (attempt.Answered)
                {
                    count.ShouldBe(Plain, $"try {attempt.Index}: an answered batch is stored");
                }

                stored.Add(count);
            }

            var batches = stored.Count(c => c == Plain);
            (await QueryAsync(be, db => db.AnprHits.CountAsync(h => h.Plate == "XR528D", Ct))).ShouldBe(batches, "one hit per stored batch");
            (await QueryAsync(be, db => db.Outbox.CountAsync(m => m.Type == HitPayload.Type && m.Recipient == CountryCode.Netherlands, Ct)))
                .ShouldBe(batches, "one message per hit");
            await EventuallyAsync(async () => await QueryAsync(be, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, Ct)) == 0,
                "the Belgian outbox is delivered");
            (await QueryAsync(nl, db => db.AnprHits.CountAsync(Ct))).ShouldBe(batches, "each hit received once");
            TestContext.Current.TestOutputHelper?.WriteLine($"{batches} of {Tries} batches stored whole, {Tries - batches} not at all; {batches} hits delivered once");
            await FaultLoop.AuditVerifiesAsync(be);
        });
}
