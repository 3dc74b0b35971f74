using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Belgium rotates and revokes its signing key while it talks to a real Dutch node (ADR 0028): the Dutch node learns
/// the new key from Belgium's signed key set, and refuses the revoked one.
/// </summary>
public sealed class KeyRotationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNetwork _network = null!;

    private TestNode Belgium => _network["BE"];

    private TestNode Netherlands => _network["NL"];

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"]);

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task RotateDuringAStreamOf1000Messages_NothingIsLostNorRefused()
    {
        using var admin = await Belgium.SignedInAsync("admin");
        using var dutchAdmin = await Netherlands.SignedInAsync("admin");
        var firstKey = await CurrentKeyAsync(Belgium);
        var dutchEncryptionKey = Netherlands.Services.GetRequiredService<NodeKeyRing>().CurrentEncryption!.Value.KeyId;

        // Twenty batches of fifty, the rotation after the tenth: the dispatcher is still sending the first ones when the key changes.
        // The Dutch node rotates too, after the fifteenth (ADR 0029): payloads already encrypted to its old key must still open.
        for (var batch = 0; batch < 20; batch++)
        {
            await EnqueueAsync(Belgium, "NL", 50);
            if (batch is 9 or 14)
            {
                using var rotated = await (batch == 9 ? admin : dutchAdmin).PostAsJsonAsync("api/v1/node/keys/rotate", new RotateKeyRequest(0), Ct);
                rotated.EnsureSuccessStatusCode();
            }
        }

        await EventuallyAsync(async () => await QueryAsync(Belgium, db => db.Outbox.CountAsync(m => m.Type == PingPayload.Type && m.Status != OutboxStatus.Queued)) == 1000,
            "Belgium has an outcome for each of the 1,000 pings", TimeSpan.FromSeconds(90));
        var outcomes = await QueryAsync(Belgium, db => db.Outbox.Where(m => m.Type == PingPayload.Type).GroupBy(m => m.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        outcomes.ShouldHaveSingleItem().ShouldBe(new { Key = OutboxStatus.Receipted, Count = 1000 });
        (await QueryAsync(Netherlands, db => db.Inbox.CountAsync(m => m.Type == PingPayload.Type))).ShouldBe(1000);
        var secondKey = await CurrentKeyAsync(Belgium);
        secondKey.ShouldNotBe(firstKey);
        var signedWith = await QueryAsync(Belgium, db => db.Outbox.Where(m => m.Type == PingPayload.Type).Select(m => m.KeyId).Distinct().ToListAsync());
        signedWith.Order().ShouldBe(new[] { firstKey, secondKey }.Order(), "both keys signed part of the stream");
        (await QueryAsync(Netherlands, db => db.PartnerKeys.AnyAsync(k => k.KeyId == secondKey && k.RevokedAt == null))).ShouldBeTrue();
        (await QueryAsync(Netherlands, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.MessageRefused))).ShouldBe(0);

        // Every payload travelled encrypted, and the Dutch node opened and handled each one, whichever of its keys it was for.
        (await QueryAsync(Belgium, db => db.Outbox.Where(m => m.Type == PingPayload.Type).Select(m => m.Payload).ToListAsync()))
            .ShouldAllBe(p => PayloadEncryption.IsEncrypted(p));
        await EventuallyAsync(async () => await QueryAsync(Netherlands, db => db.Inbox.CountAsync(m => m.Type == PingPayload.Type && m.Status == InboxStatus.Handled)) == 1000,
            "the Netherlands has opened and handled all 1,000 pings");
        var newDutchKey = Netherlands.Services.GetRequiredService<NodeKeyRing>().CurrentEncryption!.Value.KeyId;
        newDutchKey.ShouldNotBe(dutchEncryptionKey);
        await EventuallyAsync(() => QueryAsync(Belgium, db => db.PartnerKeys.AnyAsync(k => k.KeyId == newDutchKey && k.Use == KeyUses.Encryption)),
            "Belgium has pinned the Netherlands' new encryption key from the set it pushed");
        var after = (await EnqueueAsync(Belgium, "NL", 1)).Single();
        var payload = await QueryAsync(Belgium, db => db.Outbox.Where(m => m.Id == after).Select(m => m.Payload).SingleAsync());
        Jose.JWE.Headers(payload).Recipients.Select(r => r.Header["kid"] as string).ShouldContain(newDutchKey);
    }

    [Fact]
    public async Task AfterRevocation_AMessageSignedWithTheRevokedKey_IsRefusedAsKeyRevoked_AndTheNewKeyStillWorks()
    {
        using var admin = await Belgium.SignedInAsync("admin");
        var oldKey = await CurrentKeyAsync(Belgium);
        (await admin.PostAsJsonAsync("api/v1/node/keys/rotate", new RotateKeyRequest(0), Ct)).EnsureSuccessStatusCode();
        using var revoked = await admin.PostAsJsonAsync("api/v1/node/keys/revoke", new RevokeKeyRequest(oldKey), Ct);
        revoked.EnsureSuccessStatusCode();
        var published = (await revoked.Content.ReadFromJsonAsync<KeySetWire>(Ct))!;
        published.Revoked.ShouldHaveSingleItem().Kid.ShouldBe(oldKey);
        published.Keys.ShouldAllBe(k => k.Kid != oldKey);

        // The set Belgium pushed: the Dutch node refuses the old key from when it has handled it.
        await EventuallyAsync(() => QueryAsync(Netherlands, db => db.PartnerKeys.AnyAsync(k => k.KeyId == oldKey && k.RevokedAt != null)),
            "the Netherlands has learnt that Belgium's old key is revoked");
        using var fileKey = NodeKeyStore.LoadOrCreate(Belgium.DataDirectory, null, null);
        using var thief = HostilePartner.WithKey("BE", fileKey.Key);
        var envelope = thief.Sign(thief.Envelope(Netherlands, PingPayload.Type, new PingPayload("old key")));

        var receipt = await thief.SendAsync(Netherlands, envelope);

        (receipt.Status, receipt.Reason).ShouldBe(("Rejected", RejectionReasons.KeyRevoked));
        var denial = await QueryAsync(Netherlands, db => db.AuditEntries.Where(e => e.Records == $"message:{envelope.Id}").ToListAsync());
        denial.ShouldHaveSingleItem().Action.ShouldBe(AuditActions.MessageRefused);
        denial[0].Detail.ShouldNotBeNull().ShouldEndWith(RejectionReasons.KeyRevoked);
        (await QueryAsync(Netherlands, db => db.Inbox.AnyAsync(m => m.Id == envelope.Id))).ShouldBeFalse();
        var ids = await EnqueueAsync(Belgium, "NL", 1);
        await EventuallyAsync(() => QueryAsync(Belgium, db => db.Outbox.AnyAsync(m => m.Id == ids[0] && m.Status == OutboxStatus.Receipted)),
            "a ping signed with the new key is receipted");
    }

    [Fact]
    public async Task PublishedKeySet_IsAnonymous_AndSignedByTheKeyPartnersWereConfiguredWith()
    {
        using var anonymous = Belgium.Anonymous();

        var wire = (await anonymous.GetFromJsonAsync<KeySetWire>("api/v1/node/keys", Ct))!;

        var offer = KeySetMapping.FromWire(wire).ShouldNotBeNull();
        using var fileKey = NodeKeyStore.LoadOrCreate(Belgium.DataDirectory, null, null);
        KeySetVerification.Check(offer, offer.Set.Country, PinnedKeys.Anchor(fileKey.KeyId, fileKey.Key), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2))
            .ShouldBeNull();
        wire.Keys.Where(k => k.Use == "sig").ShouldHaveSingleItem().Status.ShouldBe("current");
        // The key partners encrypt payloads to (ADR 0029) is in the same signed set, and no signature may name it.
        var encryption = wire.Keys.Where(k => k.Use == "enc").ShouldHaveSingleItem();
        (encryption.Alg, encryption.Status).ShouldBe(("ECDH-ES+A256KW", "current"));
        wire.Signatures.ShouldAllBe(s => s.Kid != encryption.Kid);
    }

    private static Task<string> CurrentKeyAsync(TestNode node) =>
        Task.FromResult(node.Services.GetRequiredService<NodeKeyRing>().Current.KeyId);
}
