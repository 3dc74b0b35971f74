using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Contracts.Exchange;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Audit.Witness;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Audit.Witness.Data;
using Senningen.Node.Features.Audit.Witness.Messages;
using Senningen.Node.Tests.Console;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Audit;

/// <summary>
/// The Dutch node witnesses the Belgian node's audit log. Heads are built here from Merkle trees of our own, signed with
/// the Belgian node's real key and posted to the Dutch inbox over HTTP as the Belgian node would send them; the Dutch
/// verdict travels back to the real Belgian node over the exchange.
/// </summary>
public sealed class WitnessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = WireMapping.Truncate(DateTimeOffset.UtcNow.AddMinutes(-1));
    private TestNetwork _network = null!;
    private NodeSigningKey _belgianKey = null!;

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL"]);
        _belgianKey = NodeKeyStore.LoadOrCreate(_network["BE"].DataDirectory, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        _belgianKey.Dispose();
        await _network.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode Belgium => _network["BE"];

    private TestNode Netherlands => _network["NL"];

    private static Dictionary<MerkleNodeId, byte[]> Tree(int n, int? rewritten = null)
    {
        var frontier = new MerkleFrontier();
        var nodes = new Dictionary<MerkleNodeId, byte[]>();
        for (var i = 0; i < n; i++)
        {
            foreach (var (id, hash) in frontier.Append(MerkleHash.Leaf(BitConverter.GetBytes(i == rewritten ? -1L : i * 17L))))
            {
                nodes.Add(id, hash);
            }
        }

        return nodes;
    }

    private static readonly Dictionary<MerkleNodeId, byte[]> Log = Tree(64);

    private SignedTreeHead Head(long size, int secondsAfterStart, Dictionary<MerkleNodeId, byte[]>? tree = null, string country = "BE") =>
        TreeHeadSignatures.Sign(new TreeHead(country, size, MerkleProofs.Root(size, id => (tree ?? Log)[id]),
            Start.AddSeconds(secondsAfterStart).ToUnixTimeMilliseconds()), _belgianKey);

    private static string[] Proof(long from, long to, Dictionary<MerkleNodeId, byte[]>? tree = null) =>
        [.. MerkleProofs.Consistency(from, to, id => (tree ?? Log)[id]).Select(Convert.ToHexStringLower)];

    private async Task<ReceiptWire> SendAsync(TreeHeadPayload payload)
    {
        var at = WireMapping.Truncate(DateTimeOffset.UtcNow);
        var e = new MessageEnvelope(Guid.CreateVersion7(at), Guid.CreateVersion7(at), 1, TreeHeadPayload.Type, 1, CountryCode.Belgium,
            CountryCode.Netherlands, at, at.AddHours(1), null, JsonSerializer.Serialize(payload, WireMapping.Json));
        var wire = new EnvelopeWire(e.Id, e.ConversationId, e.Sequence, e.Type, e.Version, "BE", "NL", e.CreatedAt.ToUnixTimeMilliseconds(),
            e.ExpiresAt.ToUnixTimeMilliseconds(), null, e.Payload, _belgianKey.KeyId, Es256.Sign(_belgianKey.Key, CanonicalForm.Of(e)));
        using var client = Netherlands.Anonymous();
        using var response = await client.PostAsJsonAsync("exchange/v1/inbox", wire, WireMapping.Json, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReceiptWire>(WireMapping.Json, Ct))!;
    }

    private Task<WitnessedHeadRow?> HeldAsync() => QueryAsync(Netherlands, db =>
        db.WitnessedHeads.OrderByDescending(h => h.Size).ThenByDescending(h => h.Timestamp).FirstOrDefaultAsync(Ct));

    private static Task<int> AuditCountAsync(TestNode node, string action) => QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Action == action, Ct));

    private async Task HoldAsync(SignedTreeHead head, long? from = null, string[]? proof = null)
    {
        var witnessed = await AuditCountAsync(Netherlands, "audit.head-witnessed");
        (await SendAsync(new TreeHeadPayload(head, from, proof))).Status.ShouldBe("Accepted");
        await EventuallyAsync(async () => await AuditCountAsync(Netherlands, "audit.head-witnessed") == witnessed + 1, "NL took the head");
    }

    [Fact]
    public async Task GoodHeads_AreHeldByTheWitness_AndItsSignedConfirmationsReachThePublisher()
    {
        await HoldAsync(Head(8, 0));
        await HoldAsync(Head(21, 10), 8, Proof(8, 21));

        var held = (await HeldAsync()).ShouldNotBeNull();
        held.Size.ShouldBe(21);
        held.RootHash.ShouldBe(Convert.ToHexStringLower(MerkleProofs.Root(21, id => Log[id])));
        await EventuallyAsync(async () => await QueryAsync(Belgium, db => db.HeadConfirmations.CountAsync(Ct)) == 2, "BE stored both verdicts");
        using var dpo = await Belgium.SignedInAsync("dpo");
        var confirmations = (await dpo.GetFromJsonAsync<List<TreeHeadConfirmation>>("api/v1/audit/tree-heads/confirmations", Ct))!;
        confirmations.Select(c => (c.Witness, c.Head.Size, c.Verdict, c.SignatureValid)).ShouldBe([("NL", 8L, "consistent", true), ("NL", 21L, "consistent", true)]);
        (await AuditCountAsync(Belgium, "audit.head-confirmed")).ShouldBe(2);
        (await QueryAsync(Netherlands, db => db.WitnessAlarms.CountAsync(Ct))).ShouldBe(0);
    }

    // Each bad head as the Belgian node (or someone with its exchange key, or its database) might send it after NL holds 21.
    private static readonly Dictionary<string, Func<WitnessTests, TreeHeadPayload>> BadHeads = new()
    {
        [WitnessRules.RootNotHex] = t => new(t.Head(30, 20) with { RootHash = new string('z', 64) }, 21, Proof(21, 30)),
        [WitnessRules.SizeNegative] = t => new(t.Head(30, 20) with { Size = -30 }, 21, Proof(21, 30)),
        [WitnessRules.BadSignature] = t => new(StrangerSigned(t.Head(30, 20)), 21, Proof(21, 30)),
        [WitnessRules.CountryNotSender] = t => new(t.Head(30, 20, country: "LU"), 21, Proof(21, 30)),
        [WitnessRules.Inconsistent] = t => new(t.Head(30, 20, Tree(64, rewritten: 5)), 21, Proof(21, 30, Tree(64, rewritten: 5))),
        [WitnessRules.SizeShrank] = t => new(t.Head(13, 20), 21, []),
        [WitnessRules.RootChanged] = t => new(t.Head(21, 20, Tree(64, rewritten: 20)), 21, []),
        [WitnessRules.TimeBackwards] = t => new(t.Head(30, 5), 21, Proof(21, 30)),
        [WitnessRules.ProofFromUnknownSize] = t => new(t.Head(30, 20), 8, Proof(8, 30)),
        [WitnessRules.ProofMalformed] = t => new(t.Head(30, 20), 21, ["not-a-hash"]),
    };

    private static SignedTreeHead StrangerSigned(SignedTreeHead head)
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var read = TreeHeadSignatures.Read(head)!;
        return head with { Signature = Es256.Sign(stranger, read.SignedBytes()) };
    }

    // One network for every case: each refusal must leave the held head exactly as it was, so they can follow one another.
    [Fact]
    public async Task EveryBadHead_IsRefusedUnderItsRule_AuditedOnce_AlarmedAtBothEnds_AndNeverReplacesTheHeldHead()
    {
        await HoldAsync(Head(8, 0));
        await HoldAsync(Head(21, 10), 8, Proof(8, 21));
        var before = (await HeldAsync())!;
        var refused = 0;
        foreach (var (rule, bad) in BadHeads)
        {
            (await SendAsync(bad(this))).Status.ShouldBe("Accepted", $"{rule}: the envelope is sound, the head is the witness's to judge");
            refused++;

            await EventuallyAsync(async () => await AuditCountAsync(Netherlands, "audit.head-refused") == refused, $"NL refused the head breaking {rule}");
            var alarm = await QueryAsync(Netherlands, db => db.WitnessAlarms.OrderByDescending(a => a.Id).FirstAsync(Ct));
            (alarm.Partner.Value, alarm.Rule).ShouldBe(("BE", rule));
            var refusal = await QueryAsync(Netherlands, db => db.AuditEntries.Where(e => e.Action == "audit.head-refused").OrderByDescending(e => e.Sequence).FirstAsync(Ct));
            refusal.Outcome.ShouldBe("denied");
            refusal.Detail.ShouldNotBeNull().ShouldContain(rule);
            var after = (await HeldAsync())!;
            (after.Id, after.Size, after.RootHash).ShouldBe((before.Id, 21L, before.RootHash), $"{rule} replaced the held head");
            (await QueryAsync(Netherlands, db => db.WitnessedHeads.CountAsync(Ct))).ShouldBe(2);

            // The refusal goes back signed: the Belgian DPO sees it under the same rule, unless the head was not its own to begin with.
            await EventuallyAsync(async () => await QueryAsync(Belgium, db => db.WitnessAlarms.CountAsync(Ct)) == refused, $"BE got the signed refusal of {rule}");
            var atHome = await QueryAsync(Belgium, db => db.WitnessAlarms.OrderByDescending(a => a.Id).FirstAsync(Ct));
            atHome.Rule.ShouldBe(rule is WitnessRules.RootNotHex or WitnessRules.SizeNegative or WitnessRules.BadSignature or WitnessRules.CountryNotSender
                ? WitnessRules.StatementNotOurHead : rule);
        }
    }

    [Fact]
    public async Task RefusedHead_ShowsTheAlarmToTheDpoOnEveryConsolePage_UntilAcknowledged()
    {
        await HoldAsync(Head(21, 0));
        await SendAsync(new TreeHeadPayload(Head(13, 10), 21, []));
        await EventuallyAsync(async () => await AuditCountAsync(Netherlands, "audit.head-refused") == 1, "NL refused the head");
        using var dpo = await ConsoleSession.SignedInAsync(Netherlands, "dpo");
        using var officer = await ConsoleSession.SignedInAsync(Netherlands, "officer");

        var dashboard = await dpo.GetPageAsync("/");

        dashboard.ShouldContain("data-testid=\"witness-alarm-banner\"");
        dashboard.ShouldContain("the head is smaller than the one held (log cut)");
        (await officer.GetPageAsync("/")).ShouldNotContain("witness-alarm-banner", customMessage: "the alarm is the DPO's");
        var id = await QueryAsync(Netherlands, db => db.WitnessAlarms.Select(a => a.Id).SingleAsync(Ct));
        using var api = await Netherlands.SignedInAsync("dpo");
        (await api.PostAsync($"api/v1/audit/tree-heads/alarms/{id}/acknowledge", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await dpo.GetPageAsync("/")).ShouldNotContain("witness-alarm-banner");
        using var again = await api.PostAsync($"api/v1/audit/tree-heads/alarms/{id}/acknowledge", null, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("urn:senningen:problem:not-found");
        (await AuditCountAsync(Netherlands, "audit.witness-alarm-acknowledge")).ShouldBe(1);
    }

    [Fact]
    public async Task HeadWithoutItsHead_IsRefusedByTheExchangeItself() =>
        (await SendAsync(new TreeHeadPayload(null!, null, null))).Reason.ShouldBe(RejectionReasons.InvalidPayload);
}
