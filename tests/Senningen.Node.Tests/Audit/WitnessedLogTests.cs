using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Audit.Witness;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;
using Senningen.Node.Features.Audit.Witness.Data;
using Senningen.Node.Tests.Console;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Audit;

/// <summary>
/// Two real nodes over loopback HTTP: Belgium publishes its signed tree head, the Netherlands holds it and confirms it,
/// and then someone with Belgium's database (not its key) rewrites history as thoroughly as the database allows.
/// </summary>
public sealed class WitnessedLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>BE publishes, NL holds and confirms, BE shows the confirmation; returns the size NL holds.</summary>
    private static async Task<long> PublishedAndConfirmedAsync(TestNetwork network)
    {
        var belgium = network["BE"];
        await WriteAsync(belgium, 12);
        await belgium.AuditIntegratedAsync();
        using var dpo = await belgium.SignedInAsync("dpo");
        using var published = await dpo.PostAsync("api/v1/audit/tree-heads/publish", null, Ct);
        published.EnsureSuccessStatusCode();
        var sent = (await published.Content.ReadFromJsonAsync<TreeHeadsPublished>(Ct))!;
        sent.SentTo.ShouldBe(["NL"]);
        var head = sent.Head.ShouldNotBeNull();
        await EventuallyAsync(async () => await QueryAsync(belgium, db => db.HeadConfirmations.CountAsync(Ct)) == 1, "BE has NL's verdict");

        var overview = (await dpo.GetFromJsonAsync<WitnessOverview>("api/v1/audit/tree-heads", Ct))!;
        var confirmation = overview.Confirmations.ShouldHaveSingleItem();
        (confirmation.Witness, confirmation.Head.Size, confirmation.Head.RootHash, confirmation.Verdict, confirmation.SignatureValid)
            .ShouldBe(("NL", head.Size, head.RootHash, WitnessStatement.Consistent, true));
        using var page = await ConsoleSession.SignedInAsync(belgium, "dpo");
        var html = await page.GetPageAsync("/audit");
        html.ShouldContain("data-testid=\"witness-confirmation\"");
        html.ShouldContain("Consistent");
        using var dutchDpo = await network["NL"].SignedInAsync("dpo");
        var held = (await dutchDpo.GetFromJsonAsync<WitnessOverview>("api/v1/audit/tree-heads", Ct))!.HeldHeads.ShouldHaveSingleItem();
        held.Head.ShouldBe(head);
        return head.Size;
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task EverythingRewrittenAfterAnEntry_IsCaughtByTheHeadTheNetherlandsConfirmed(Store store)
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"], store);
        var confirmed = await PublishedAndConfirmedAsync(network);
        var belgium = network["BE"];
        // Signed in first: the sign-in is audited, and the tree must be still while it is rewritten.
        using var dpo = await belgium.SignedInAsync("dpo");
        await belgium.AuditIntegratedAsync();

        await RewriteEverythingAsync(belgium, leaf: 4);

        var alone = (await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct))!;
        var witnessed = (await dpo.GetFromJsonAsync<WitnessedVerification>("api/v1/audit/tree-heads/verify", Ct))!;

        // Its own heads deleted and every hash made to fit, the log checks out alone; NL's signed word is what remains.
        alone.Intact.ShouldBeTrue();
        witnessed.Heads.ShouldHaveSingleItem().Witness.ShouldBe("NL");
        witnessed.Log.Intact.ShouldBeFalse();
        witnessed.Log.FailedHeadSize.ShouldBe(confirmed);
        witnessed.Log.SuspectFromLeaf.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(4);
        witnessed.Log.Problem.ShouldNotBeNull().ShouldContain($"size {confirmed}");
    }

    [Fact]
    public async Task ForgedConfirmationInTheDatabase_IsNotTrusted()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        await PublishedAndConfirmedAsync(network);
        var belgium = network["BE"];
        using var dpo = await belgium.SignedInAsync("dpo");
        await belgium.AuditIntegratedAsync();
        await RewriteEverythingAsync(belgium, leaf: 4);
        // The attacker cannot re-sign NL's statement over the new root: rewriting the stored one only makes it worthless.
        await using (var scope = belgium.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            var row = await db.HeadConfirmations.SingleAsync(Ct);
            row.RootHash = Convert.ToHexStringLower(MerkleProofs.Root(row.Size, Nodes(await LeavesAsync(db))));
            await db.SaveChangesAsync(Ct);
        }

        var witnessed = (await dpo.GetFromJsonAsync<WitnessedVerification>("api/v1/audit/tree-heads/verify", Ct))!;

        witnessed.Heads.ShouldBeEmpty();
        witnessed.Discarded.ShouldBe(1);
    }

    [Fact]
    public async Task HeadPublishedAfterTheLogWasCutAndRegrown_IsRefusedByTheNetherlands_AuditedOnce_Alarmed_AndTheGoodHeadStays()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var confirmed = await PublishedAndConfirmedAsync(network);
        var (belgium, netherlands) = (network["BE"], network["NL"]);
        var good = await QueryAsync(netherlands, db => db.WitnessedHeads.SingleAsync(Ct));
        await belgium.AuditIntegratedAsync();
        await CutAsync(belgium, below: confirmed - 3);
        // Restarted, the node carries on from the cut tree and signs heads over what grows on it, past the confirmed size
        // (the cut goes back to a signed head, which may lie well below the confirmed one when integrations were batched).
        await belgium.StopAsync();
        await belgium.StartAgainAsync();
        await WriteAsync(belgium, (int)confirmed + 5);
        await belgium.AuditIntegratedAsync();

        using var dpo = await belgium.SignedInAsync("dpo");
        var sent = (await (await dpo.PostAsync("api/v1/audit/tree-heads/publish", null, Ct)).Content.ReadFromJsonAsync<TreeHeadsPublished>(Ct))!;

        sent.Head.ShouldNotBeNull().Size.ShouldBeGreaterThan(confirmed);
        await EventuallyAsync(async () => await QueryAsync(netherlands, db => db.WitnessAlarms.AnyAsync(Ct)), "NL raised an alarm");
        (await QueryAsync(netherlands, db => db.AuditEntries.CountAsync(e => e.Action == "audit.head-refused", Ct))).ShouldBe(1);
        (await QueryAsync(netherlands, db => db.WitnessAlarms.SingleAsync(Ct))).Rule.ShouldBe(WitnessRules.Inconsistent);
        var held = await QueryAsync(netherlands, db => db.WitnessedHeads.ToListAsync(Ct));
        (held.ShouldHaveSingleItem().Size, held[0].RootHash).ShouldBe((good.Size, good.RootHash));
        using var dutchDpo = await ConsoleSession.SignedInAsync(netherlands, "dpo");
        (await dutchDpo.GetPageAsync("/")).ShouldContain("data-testid=\"witness-alarm-banner\"");
        (await dutchDpo.GetPageAsync("/audit")).ShouldContain("data-testid=\"witness-alarm\"");
        await EventuallyAsync(async () => await QueryAsync(belgium, db => db.WitnessAlarms.AnyAsync(a => a.Rule == WitnessRules.Inconsistent, Ct)),
            "BE's DPO learns that NL refused its head");
    }

    /// <summary>Cuts the log back to the largest head it signed at or below <paramref name="below"/> entries: entries, tree nodes and heads beyond go.</summary>
    private static async Task CutAsync(TestNode node, long below)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var size = await db.AuditTreeHeads.Where(h => h.Size <= below).MaxAsync(h => h.Size, Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await db.AuditEntries.Where(e => e.LeafIndex >= size).ExecuteDeleteAsync(Ct);
        db.AuditTreeNodes.RemoveRange((await db.AuditTreeNodes.ToListAsync(Ct)).Where(n => (n.Index + 1) << n.Level > size));
        await db.AuditTreeHeads.Where(h => h.Size > size).ExecuteDeleteAsync(Ct);
        await db.SaveChangesAsync(Ct);
        await transaction.CommitAsync(Ct);
    }

    private static async Task WriteAsync(TestNode node, int count)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < count; i++)
        {
            await audit.WriteAsync(new AuditRecord("audit.read", AuditOutcomes.Success, [$"test:{i}"]), new Actor("writer", "tests", "BE"), Ct);
        }
    }

    private static async Task<List<byte[]>> LeavesAsync(SenningenDbContext db) =>
        await db.AuditEntries.Where(e => e.LeafIndex != null).OrderBy(e => e.LeafIndex).Select(e => e.LeafHash!).ToListAsync(Ct);

    private static Func<MerkleNodeId, byte[]> Nodes(List<byte[]> leaves)
    {
        var frontier = new MerkleFrontier();
        var nodes = new Dictionary<MerkleNodeId, byte[]>();
        foreach (var leaf in leaves)
        {
            foreach (var (id, hash) in frontier.Append(leaf))
            {
                nodes[id] = hash;
            }
        }

        return id => nodes[id];
    }

    /// <summary>
    /// The thorough attacker with the database but not the key: changes one entry, re-hashes the legacy chain after it,
    /// gives it the leaf hash of its new content, recomputes every stored tree node, and deletes the heads the node signed
    /// (it cannot sign new ones).
    /// </summary>
    private static async Task RewriteEverythingAsync(TestNode node, long leaf)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var entries = await db.AuditEntries.Where(e => e.LeafIndex != null).OrderBy(e => e.LeafIndex).ToListAsync(Ct);
        entries[(int)leaf].Actor = "someone-else";
        var previous = AuditChain.Genesis;
        foreach (var entry in entries)
        {
            if (entry.Hash is not null)
            {
                entry.PreviousHash = previous;
                entry.Hash = AuditChain.ComputeHash(previous, entry.ToFacts());
                previous = entry.Hash;
            }

            entry.LeafHash = AuditLeaf.Hash(entry.ToFacts());
        }

        var nodes = Nodes([.. entries.Select(e => e.LeafHash!)]);
        foreach (var stored in await db.AuditTreeNodes.ToListAsync(Ct))
        {
            stored.Hash = nodes(new MerkleNodeId(stored.Level, stored.Index));
        }

        db.AuditTreeHeads.RemoveRange(await db.AuditTreeHeads.ToListAsync(Ct));
        await db.SaveChangesAsync(Ct);
        await transaction.CommitAsync(Ct);
    }
}
