using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Persistence;

/// <summary>
/// A SQLite node under writes that never pause, with readers always in the database, keeps its WAL bounded: the
/// checkpointer brings it back to its start under the write gate once it passes its catch-up size, instead of letting a
/// passive checkpoint trail behind while the WAL grows (a steady exchange bench grew it past 500 MB before).
/// </summary>
public sealed class WalBoundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SteadyWritesWithReaders_KeepTheWalNearItsCatchUpSize()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite);
        var wal = Path.Combine(node.DataDirectory, "node.db-wal");
        var detail = new string('x', 3_000);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // Readers that are never all gone at once, as the node's own pollers and pages are under load.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var scope = node.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Take(20).ToListAsync(CancellationToken.None);
            }
        })).ToList();

        // Written through the node's own saves (write gate and group commit), ten entries of about 4 KB of WAL each per save: 96 MB in all,
        // six times the catch-up size.
        long largest = 0;
        for (var i = 0; i < 2_400; i++)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var j = 0; j < 10; j++)
            {
                audit.Add(new AuditRecord("audit.read", AuditOutcomes.Success, [$"wal:{i}:{j}"], Detail: detail), new Actor("wal-test", "", "BE"));
            }

            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(Ct);
            if (i % 20 == 0 && File.Exists(wal))
            {
                largest = Math.Max(largest, new FileInfo(wal).Length);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        // The catch-up size plus what a loaded machine writes between two looks of the checkpointer, with room to spare.
        largest.ShouldBeLessThan(3 * WalCheckpointer.CatchUpWalBytes, $"the WAL reached {largest / 1_048_576} MB");
    }
}
