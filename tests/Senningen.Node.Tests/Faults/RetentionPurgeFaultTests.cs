using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Retention;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Idempotency;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Faults;

/// <summary>
/// The retention worker is killed while it purges kept answers ten at a time: every record it removed is counted in a
/// <c>retention.purged</c> entry, none twice, because each chunk commits with its own entry.
/// </summary>
public sealed partial class RetentionPurgeFaultTests
{
    private const int Records = 2_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PurgeKilledBetweenChunks_EveryRemovedRecordIsAuditedOnce_AndTheRestGoesAfterRestart() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1903), async random =>
        {
            var settings = FaultLoop.Settings();
            settings["Senningen:Retention:ChunkSize"] = "10";
            await using var network = await TestNetwork.CreateAsync(["BE"], settings: _ => settings);
            var be = network["BE"];
            await be.StartAgainAsync();
            var old = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
            await QueryAsync(be, db =>
            {
                db.Set<IdempotentRequest>().AddRange(Enumerable.Range(0, Records).Select(n => new IdempotentRequest
                {
                    Key = $"fault-key-{n:0000}", UserName = "officer", Request = "POST /api/v1/operations", Status = 201, Body = "{}", CreatedAtMs = old,
                }));
                return db.SaveChangesAsync(Ct);
            });
            await be.StopAsync();
            // Only the killed processes purge: the answers are a minute past a period of one, and the worker starts at once.
            var purging = new Dictionary<string, string?>
            {
                ["Senningen:Retention:BE:idempotent-answer"] = "00:01:00",
                ["Senningen:Retention:PurgeInterval"] = "00:00:00.100",
            };

            await FaultLoop.RunAsync(be, random, 3, 0, 900, "officer", async (_, _, ct) => await Task.Delay(Timeout.Infinite, ct), null, purging);

            await be.StartAgainAsync();
            var left = await QueryAsync(be, db => db.Set<IdempotentRequest>().CountAsync(r => r.Key.StartsWith("fault-key-"), Ct));
            var audited = await AuditedAsync(be);
            TestContext.Current.TestOutputHelper?.WriteLine($"{Records - left} removed by the killed runs, {audited} counted in their audit entries, {left} left");
            audited.ShouldBe(Records - left, "every removed record is in an audit entry, none twice");
            left.ShouldBeLessThan(Records, "the kills fell inside the purge");
            await FaultLoop.AuditVerifiesAsync(be);
        });

    private static async Task<int> AuditedAsync(TestNode node)
    {
        var details = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action == AuditActions.RetentionPurged && e.Detail!.StartsWith(RetentionKinds.IdempotentAnswer))
            .Select(e => e.Detail!).ToListAsync(Ct));
        return details.Sum(d => int.Parse(Count().Match(d).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^[a-z-]+: (\d+) record\(s\)")]
    private static partial Regex Count();
}
