using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Retention;
using static Senningen.Node.Tests.Anpr.HistorySteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>Reads are destroyed when the law of the node's country says so (a frozen clock decides "now"); hits stay with their case.</summary>
public sealed class ReadRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NlNode_PurgesTheReadOf29DaysAgo_KeepsThatOf27Days_KeepsHits_AndAuditsThePurgeWithItsCount()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await TestNode.StartAsync(Store.Sqlite, "NL", services: s => s.AddSingleton<TimeProvider>(clock));
        var now = clock.GetUtcNow();
        await SeedAsync(node, [ReadOf("XR528D", now.AddDays(-29)), ReadOf("XR529D", now.AddDays(-27))],
            [HitOf("XR527D", now.AddDays(-60))]);

        var purge = await PurgeAsync(node);
        var again = await PurgeAsync(node);

        purge.Deleted.ShouldBe(1);
        purge.Cutoff.ShouldBe(now.AddDays(-28));
        again.Deleted.ShouldBe(0);
        (await QueryAsync(node, db => db.AnprReads.Select(r => r.Plate).ToListAsync(Ct))).ShouldBe(["XR529D"]);
        (await QueryAsync(node, db => db.AnprHits.CountAsync(Ct))).ShouldBe(1);
        // One entry for the run that deleted something, none for the run that found nothing due.
        var audit = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action == "anpr.reads-purged").ToListAsync(Ct));
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Actor.ShouldBe("(node)"),
            e => e.Outcome.ShouldBe("success"),
            e => e.Detail!.ShouldStartWith("1 read(s) observed before"),
            e => e.Detail!.ShouldContain("NL retention of 28 days"));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task BeNode_Keeps364DayOldReads_PurgesOlderOnes_InChunks_WithOneAuditEntryForTheRun(Store store)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await TestNode.StartAsync(store, "BE", new Dictionary<string, string?> { ["Senningen:Anpr:Legal:PurgeBatchSize"] = "100" },
            s => s.AddSingleton<TimeProvider>(clock));
        var now = clock.GetUtcNow();
        var old = Enumerable.Range(0, 250).Select(i => ReadOf($"1OLD{i:000}", now.AddDays(-400).AddMinutes(i)));
        await SeedAsync(node, [.. old, ReadOf("1ABC364", now.AddDays(-364)), ReadOf("1ABC366", now.AddDays(-366))]);

        var purge = await PurgeAsync(node);

        purge.Deleted.ShouldBe(251);
        (await QueryAsync(node, db => db.AnprReads.Select(r => r.Plate).ToListAsync(Ct))).ShouldBe(["1ABC364"]);
        var audit = await QueryAsync(node, db => db.AuditEntries.SingleAsync(e => e.Action == "anpr.reads-purged", Ct));
        audit.Detail!.ShouldStartWith("251 read(s)");
        if (store == Store.Sqlite)
        {
            // The runs' entries (a plate key, a camera and a time) go with their reads: only the kept read's two remain.
            var terms = await QueryAsync(node, db => db.Database.SqlQueryRaw<long>("""SELECT "ObservedAtMs" AS "Value" FROM anpr_read_terms""").ToListAsync(Ct));
            terms.ShouldBe([now.AddDays(-364).ToUnixTimeMilliseconds(), now.AddDays(-364).ToUnixTimeMilliseconds()]);
            audit.Detail!.ShouldContain("with 502 index entries");
        }
        audit.Detail!.ShouldContain("BE retention of 365 days");
    }

    [Theory]
    [InlineData("NL", 28, 0, "prosecutor-order-required")]
    [InlineData("BE", 365, 30, "prosecutor-decision-required")]
    [InlineData("LU", 28, 0, "prosecutor-reference-required")]
    public void Defaults_FollowTheLawOfTheNodeCountry(string country, int retentionDays, int openDays, string rule)
    {
        var rules = AnprLegalRules.Read(new ConfigurationBuilder().Build(), NodeOf(country));

        rules.Retention.ShouldBe(TimeSpan.FromDays(retentionDays));
        rules.OpenWindow.ShouldBe(TimeSpan.FromDays(openDays));
        rules.ReferenceRule.ShouldBe(rule);
        rules.MaxSearchPeriod.ShouldBe(TimeSpan.FromDays(31));
    }

    [Theory]
    [InlineData("Senningen:Anpr:Legal:Retention", "forever", "Senningen:Anpr:Legal:Retention = 'forever' is not valid")]
    [InlineData("Senningen:Anpr:Legal:PurgeBatchSize", "5", "Senningen:Anpr:Legal:PurgeBatchSize = '5' is not valid")]
    [InlineData("Senningen:Anpr:Legal:AdministrativeSearchWindow", "400.00:00:00", "Senningen:Anpr:Legal:AdministrativeSearchWindow (400.00:00:00) is longer")]
    public void BadLegalSetting_StopsTheNode_NamingTheKey(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var problem = Should.Throw<ConfigurationProblemException>(() => AnprLegalRules.Read(configuration, NodeOf("BE")));

        problem.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    private static async Task<PurgeResult> PurgeAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PurgeReads>().RunAsync(Ct);
    }
}
