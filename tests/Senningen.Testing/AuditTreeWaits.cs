using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;

namespace Senningen.Testing;

/// <summary>Awaits the audit sequencer, which integrates entries shortly after they commit (not within the save).</summary>
public static class AuditTreeWaits
{
    /// <summary>
    /// Waits until every audit entry saved so far is a leaf of the tree and a signed head covers them all; returns that
    /// head's size. Fails after <paramref name="within"/> (default 10 s).
    /// </summary>
    public static async Task<long> AuditIntegratedAsync(this TestNode node, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = node.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
                var pending = await db.Set<AuditEntry>().CountAsync(e => e.LeafIndex == null);
                // The highest leaf, not a count: entries removed at the end of their retention leave their leaves behind.
                var integrated = (await db.Set<AuditEntry>().MaxAsync(e => e.LeafIndex) ?? -1) + 1;
                var head = await db.Set<AuditTreeHead>().MaxAsync(h => (long?)h.Size) ?? 0;
                if (pending == 0 && head == integrated)
                {
                    return head;
                }

                if (clock.Elapsed > (within ?? TimeSpan.FromSeconds(10)))
                {
                    throw new TimeoutException($"The audit sequencer left {pending} entries unintegrated; the latest head covers {head} of {integrated}.");
                }
            }

            await Task.Delay(20);
        }
    }
}
