using Microsoft.EntityFrameworkCore;
using Senningen.Core.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// Orders committed audit entries into the log's Merkle tree (RFC 9162, Trillian's sequencer): one instance at a time
/// (<see cref="InstanceLeadership"/>), it gives the waiting entries their leaf index and hash, stores the perfect nodes
/// they complete and a signed tree head, all in one transaction, within <see cref="AuditTreeSettings.MaxMergeDelay"/>.
/// Business saves only insert their entries; nothing they do waits for this.
/// </summary>
internal sealed partial class AuditSequencer(IServiceScopeFactory scopes, InstanceLeadership leadership, AuditAppended appended,
    AuditTreeSettings settings, NodeSigningKey key, NodeSettings node, ChangeFeed<AuditTreeGrown> treeGrown, TimeProvider clock,
    ILogger<AuditSequencer> logger) : BackgroundService
{
    public const string Role = "audit-sequencer";

    // Bounds one transaction; a backlog is taken in several, each with its own head.
    private const int BatchSize = 5_000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunWhileLeadingAsync(Role, LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken ct)
    {
        MerkleFrontier? frontier = null;
        while (!ct.IsCancellationRequested)
        {
            var more = false;
            try
            {
                // Restored at every lead: another instance may have grown the tree meanwhile.
                frontier ??= await RestoreAsync(ct);
                (var integrated, frontier) = await IntegrateAsync(frontier, ct);
                more = integrated == BatchSize;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                // A store that went away, or another instance that briefly led too (the keys refused our rows): start afresh.
                LogIntegrationFailed(logger, e);
                frontier = null;
            }

            if (!more)
            {
                // Real time, not the injected clock: a test that stops its clock must not stop the log.
                await Task.Delay(settings.GatherFor, ct);
                await appended.WaitAsync(settings.PollEvery, ct);
            }
        }
    }

    /// <summary>The frontier of the stored tree: the peaks of the latest head's size, checked against its root.</summary>
    private async Task<MerkleFrontier> RestoreAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var latest = await db.AuditTreeHeads.AsNoTracking().OrderByDescending(h => h.Size).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            await CheckLegacyChainAsync(scope.ServiceProvider, db, ct);
            return new MerkleFrontier();
        }

        var ids = MerkleFrontier.PeaksOf(latest.Size);
        var nodes = await AuditTreeNodes.ReadAsync(db, ids, ct);
        if (!ids.All(nodes.ContainsKey))
        {
            throw new InvalidOperationException($"The stored tree lacks peaks of its head of size {latest.Size}.");
        }

        var frontier = MerkleFrontier.Restore(latest.Size, [.. ids.Select(id => nodes[id])]);
        if (!frontier.Root().AsSpan().SequenceEqual(latest.RootHash))
        {
            throw new InvalidOperationException($"The stored tree nodes do not make the root of the head of size {latest.Size}.");
        }

        return frontier;
    }

    /// <summary>
    /// Before the first leaf: entries of the former hash chain become the first leaves, in chain order (their ids are the
    /// chain's sequence numbers, so ordering by id is chain order), but only if the chain holds. If it does not, nothing
    /// is integrated (a tree over altered entries would certify them): the break is logged and audited, the DPO page
    /// shows it, and this instance keeps leading without integrating until restarted.
    /// </summary>
    private async Task CheckLegacyChainAsync(IServiceProvider services, SenningenDbContext db, CancellationToken ct)
    {
        var check = new AuditChainCheck();
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Hash != null && e.Sequence > after).OrderBy(e => e.Sequence)
                .Take(BatchSize).ToListAsync(ct);
            foreach (var entry in batch)
            {
                if (check.Next(new StoredAuditLink(entry.ToFacts(), entry.PreviousHash ?? "", entry.Hash ?? "")) is { } broken)
                {
                    LogLegacyChainBroken(logger, broken.Sequence, broken.Problem);
                    var audit = services.GetRequiredService<AuditLog>();
                    await audit.WriteAsync(new AuditRecord(AuditActions.AuditChainBroken, AuditOutcomes.Failed, Records: [$"audit:{broken.Sequence}"],
                        Detail: $"legacy chain broken at #{broken.Sequence}: {broken.Problem}; entries are not integrated into the Merkle tree"),
                        Actor.Node(node), ct);
                    await Task.Delay(Timeout.Infinite, ct);
                }
            }

            if (batch.Count < BatchSize)
            {
                if (check.Checked > 0)
                {
                    LogLegacyChainIntact(logger, check.Checked);
                }

                return;
            }

            after = batch[^1].Sequence;
        }
    }

    /// <summary>Integrates the waiting entries (up to a batch); returns how many, and the frontier as now stored.</summary>
    private async Task<(int Count, MerkleFrontier Frontier)> IntegrateAsync(MerkleFrontier frontier, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var postgres = db.Database.IsNpgsql();
        var waiting = db.AuditEntries.Where(e => e.LeafIndex == null).OrderBy(e => e.Sequence).Take(BatchSize);
        var entries = await (postgres ? waiting.AsNoTracking() : waiting).ToListAsync(ct);
        if (entries.Count == 0)
        {
            return (0, frontier);
        }

        // Grown on a copy: if the save fails, the frontier stays what is stored.
        var grown = frontier.Clone();
        var nodes = new List<AuditTreeNode>(2 * entries.Count);
        foreach (var entry in entries)
        {
            entry.LeafIndex = grown.Size;
            entry.LeafHash = AuditLeaf.Hash(entry.ToFacts());
            foreach (var (id, hash) in grown.Append(entry.LeafHash))
            {
                nodes.Add(new AuditTreeNode { Level = id.Level, Index = id.Index, Hash = hash });
            }
        }

        var signed = TreeHeadSignatures.Sign(new TreeHead(node.Country.Value, grown.Size, grown.Root(), clock.GetUtcNow().ToUnixTimeMilliseconds()), key);
        var head = new AuditTreeHead
        {
            Size = signed.Size, Country = signed.Country, RootHash = Convert.FromHexString(signed.RootHash),
            TimestampUnixMs = signed.Timestamp.ToUnixTimeMilliseconds(), KeyId = signed.KeyId, Signature = signed.Signature,
        };
        if (postgres)
        {
            await AuditTreeWrites.StoreAsync(db, entries, nodes, head, ct);
        }
        else
        {
            // SQLite: one writer at a time anyway; the save takes the node's write gate and its own transaction.
            db.AuditTreeNodes.AddRange(nodes);
            db.AuditTreeHeads.Add(head);
            await db.SaveChangesAsync(ct);
        }

        // After the commit: a page that reloads now must find the head.
        treeGrown.Publish(new AuditTreeGrown(signed.Size));
        return (entries.Count, grown);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit sequencer could not integrate entries; it restores the tree and tries again")]
    private static partial void LogIntegrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The legacy audit hash chain is broken at entry {Sequence}: {Problem}. No entry is integrated into the Merkle tree until it is resolved")]
    private static partial void LogLegacyChainBroken(ILogger logger, long sequence, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The legacy audit hash chain holds ({Count} entries); they become the first leaves of the Merkle tree")]
    private static partial void LogLegacyChainIntact(ILogger logger, long count);
}
