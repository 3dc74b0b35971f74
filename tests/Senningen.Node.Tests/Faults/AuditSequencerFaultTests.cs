using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Features.Audit.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Faults;

/// <summary>
/// The audit sequencer is killed while it integrates a backlog: each batch's leaves, tree nodes and signed head commit
/// together, so after the restart the tree goes on from the last head and the whole log verifies.
/// </summary>
public sealed class AuditSequencerFaultTests
{
    private const int Backlog = 30_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SequencerKilledMidBatch_LeavesNodesAndHeadsStayTogether_AndTheLogVerifies() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1904), async random =>
        {
            await using var network = await TestNetwork.CreateAsync(["BE"], settings: _ => FaultLoop.Settings());
            var be = network["BE"];
            await be.StartAgainAsync();
            await be.AuditIntegratedAsync();
            await be.StopAsync();
            // A backlog as a burst of writers leaves it, written straight to the store while the node is down.
            await using (var connection = new SqliteConnection(be.Database.ConnectionString))
            {
                await connection.OpenAsync(Ct);
                await using var insert = connection.CreateCommand();
                insert.CommandText = $"""
                    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {Backlog})
                    INSERT INTO audit_entries ("OccurredAtUnixMs", "Actor", "ActorUnit", "ActorCountry", "Action", "Outcome", "Records", "Detail")
                    SELECT 1796000000000 + x, 'officer', 'unit', 'BE', 'anpr.read-search', 'success', '', 'backlog ' || x FROM n
                    """;
                (await insert.ExecuteNonQueryAsync(Ct)).ShouldBe(Backlog);
            }

            SqliteConnection.ClearAllPools();

            await FaultLoop.RunAsync(be, random, 3, 0, 1500, "dpo", async (_, _, ct) => await Task.Delay(Timeout.Infinite, ct));

            await be.StartAgainAsync();
            var (leaves, heads) = await QueryAsync(be, async db => (
                await db.AuditEntries.Where(e => e.LeafIndex != null).Select(e => e.LeafIndex!.Value).ToListAsync(Ct),
                await db.Set<AuditTreeHead>().Select(h => h.Size).ToListAsync(Ct)));
            TestContext.Current.TestOutputHelper?.WriteLine($"after the kills and the restart: {leaves.Count} leaves, heads up to {heads.Max()}");
            await FaultLoop.AuditVerifiesAsync(be);
            var nodes = await QueryAsync(be, db => db.Set<AuditTreeNode>().CountAsync(n => n.Level == 0, Ct));
            var size = await QueryAsync(be, db => db.Set<AuditTreeHead>().MaxAsync(h => h.Size, Ct));
            nodes.ShouldBe((int)size, "a leaf node for every leaf under the latest head, none beyond");
            (await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.LeafIndex != null, Ct))).ShouldBe((int)size);
        });
}
