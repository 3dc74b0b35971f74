using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Senningen.Node.Common.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Audit.Witness.Data;

namespace Senningen.Node.Tests.Audit;

/// <summary>Superseded tree heads are thinned to what verification and the partners need, audited, and the log still verifies.</summary>
public sealed class AuditHeadThinningTests
{
    private const long HourMs = 3_600_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task OldHeads_AreThinnedToTheLatestTheFirstOfEachHourAndTheConfirmed_AndTheLogStillVerifies(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        for (var i = 0; i < 12; i++)
        {
            await using var scope = node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(
                new AuditRecord(AuditActions.AuditRead, AuditOutcomes.Success, [$"round:{i}"]), new Actor("dpo", "tests", "BE"), Ct);
            await node.AuditIntegratedAsync();
        }

        var now = DateTimeOffset.UtcNow;
        long[] sizes;
        long confirmed;
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            sizes = [.. await db.AuditTreeHeads.OrderBy(h => h.Size).Select(h => h.Size).ToListAsync(Ct)];
            sizes.Length.ShouldBeGreaterThanOrEqualTo(12);
            // Every head signed between five hours and one hour and a bit ago, three or more to an hour.
            var from = (now - TimeSpan.FromHours(5)).ToUnixTimeMilliseconds();
            var step = (4 * HourMs - 600_000) / sizes.Length;
            for (var k = 0; k < sizes.Length; k++)
            {
                var (size, at) = (sizes[k], from + (k * step));
                await db.AuditTreeHeads.Where(h => h.Size == size).ExecuteUpdateAsync(u => u.SetProperty(h => h.TimestampUnixMs, at), Ct);
            }

            confirmed = sizes[sizes.Length / 2 + 1];
            db.HeadConfirmations.Add(new HeadConfirmationRow
            {
                Witness = CountryCode.Parse("NL"), Size = confirmed, RootHash = new string('a', 64), HeadTimestamp = now, HeadKeyId = "k",
                HeadSignature = "s", Verdict = "accepted", StatedAt = now, KeyId = "k", Signature = "s", ReceivedAt = now,
                ConversationId = Guid.NewGuid(), MessageId = Guid.NewGuid(),
            });
            await db.SaveChangesAsync(Ct);
        }

        Dictionary<long, long> stamps;
        int removed;
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            stamps = await db.AuditTreeHeads.Where(h => sizes.Contains(h.Size)).ToDictionaryAsync(h => h.Size, h => h.TimestampUnixMs, Ct);
            removed = await AuditHeadThinning.ThinAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), new Actor("node", "tests", "BE"),
                now, TimeSpan.FromHours(1), Ct);
        }

        var firstOfHour = stamps.GroupBy(s => s.Value / HourMs).Select(g => g.Min(s => s.Key)).ToHashSet();
        long[] expected = [.. firstOfHour.Append(sizes[^1]).Append(confirmed).Distinct().Order()];
        removed.ShouldBe(sizes.Length - expected.Length);
        removed.ShouldBeGreaterThan(0);

        await node.AuditIntegratedAsync();
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            var last = sizes[^1];
            (await db.AuditTreeHeads.Where(h => h.Size <= last).OrderBy(h => h.Size).Select(h => h.Size).ToListAsync(Ct)).ShouldBe(expected);
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AuditHeadsThinned, Ct);
            entry.Detail.ShouldNotBeNull().ShouldStartWith($"{removed} superseded tree heads");

            // Nothing a proof or the verification needs went with them.
            var tree = scope.ServiceProvider.GetRequiredService<AuditTree>();
            (await tree.VerifyAsync([], Ct)).Intact.ShouldBeTrue();
            var (from, to) = (expected[0], expected[^1]);
            var proof = await tree.ConsistencyProofAsync(from, to, Ct);
            var roots = await db.AuditTreeHeads.Where(h => h.Size == from || h.Size == to).ToDictionaryAsync(h => h.Size, h => h.RootHash, Ct);
            MerkleProofs.VerifyConsistency(from, to, roots[from], roots[to], proof).ShouldBeTrue();

            // The thinning's own entry made a newer head, so the former latest is superseded too, unless it is kept for its
            // hour or its confirmation; after that, a pass finds nothing and writes nothing.
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            var actor = new Actor("node", "tests", "BE");
            var formerLatestKept = firstOfHour.Contains(last) || confirmed == last;
            (await AuditHeadThinning.ThinAsync(db, log, actor, now, TimeSpan.FromHours(1), Ct)).ShouldBe(formerLatestKept ? 0 : 1);
            (await AuditHeadThinning.ThinAsync(db, log, actor, now, TimeSpan.FromHours(1), Ct)).ShouldBe(0);
            (await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AuditHeadsThinned, Ct)).ShouldBe(formerLatestKept ? 1 : 2);
        }
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("31.00:00:00")]
    [InlineData("soon")]
    public void KeepEveryHeadFor_OutOfRange_StopsTheNodeNamingTheKey(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Senningen:Audit:KeepEveryHeadFor"] = value }).Build();

        var problem = Should.Throw<ConfigurationProblemException>(() => AuditTreeSettings.Read(configuration));

        problem.Problems.ShouldHaveSingleItem().ShouldContain("Senningen:Audit:KeepEveryHeadFor");
    }
}
