using System.Buffers.Text;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// A Dutch node that requires message-level encryption (ADR 0029), and Belgium, trusted and signing correctly, sending
/// payloads in clear, altered, moved from another message, or encrypted for somebody else: each is refused with a signed
/// rejection naming the rule, one audited denial, and nothing changed; an honest encrypted payload is accepted and handled.
/// </summary>
public sealed class EncryptedPayloadTests : IAsyncLifetime
{
    private HostileScene _scene = null!;
    private EncryptionRecipient _dutchKey = null!;

    public async ValueTask InitializeAsync()
    {
        _scene = await HostileScene.StartAsync(new Dictionary<string, string?> { ["Senningen:Exchange:Encryption"] = "Required" });
        // As any partner learns it: the encryption key in the node's published, signed key set.
        using var anonymous = _scene.Node.Anonymous();
        var set = KeySetMapping.FromWire(await anonymous.GetFromJsonAsync<KeySetWire>("api/v1/node/keys", TestContext.Current.CancellationToken))!;
        var published = set.Set.Keys.Single(k => k.IsEncryption);
        _dutchKey = new EncryptionRecipient(published.KeyId, published.TryOpenAgreement()!);
    }

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    private HostilePartner Belgium => _scene.Belgium;

    [Fact]
    public async Task APayloadEncryptedToTheNodesKey_IsAccepted_StoredAsCiphertext_AndHandled()
    {
        var envelope = Encrypted(new PingPayload("sealed"), _dutchKey);

        var receipt = await Belgium.SendAsync(_scene.Node, Belgium.Sign(envelope));

        receipt.Status.ShouldBe("Accepted", receipt.Reason);
        await _scene.HandledAsync();
        (await QueryAsync(_scene.Node, db => db.Inbox.Where(m => m.Id == envelope.Id).Select(m => m.Payload).SingleAsync())).ShouldBe(envelope.Payload);
    }

    [Fact]
    public async Task APayloadInClear_IsRefused() =>
        await _scene.ExpectRefusedAsync(Belgium, Belgium.Sign(Belgium.Envelope(_scene.Node, PingPayload.Type, new PingPayload("in clear"))),
            RejectionReasons.EncryptionRequired);

    [Fact]
    public async Task AnAlteredCiphertext_SignedAsItIs_IsRefusedAsUndecryptable()
    {
        var envelope = Encrypted(new PingPayload("altered"), _dutchKey);
        var jwe = JsonNode.Parse(envelope.Payload)!.AsObject();
        var ciphertext = Base64Url.DecodeFromChars(jwe["ciphertext"]!.GetValue<string>());
        ciphertext[0] ^= 0x01;
        jwe["ciphertext"] = Base64Url.EncodeToString(ciphertext);

        await _scene.ExpectRefusedAsync(Belgium, Belgium.Sign(envelope with { Payload = jwe.ToJsonString() }), RejectionReasons.Undecryptable);
    }

    [Fact]
    public async Task ACiphertextAlteredAfterSigning_IsRefusedAsBadSignature()
    {
        var signed = Belgium.Sign(Encrypted(new PingPayload("in transit"), _dutchKey));
        var jwe = JsonNode.Parse(signed.Payload!)!.AsObject();
        jwe["iv"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

        await _scene.ExpectRefusedAsync(Belgium, signed with { Payload = jwe.ToJsonString() }, RejectionReasons.BadSignature);
    }

    [Fact]
    public async Task ACiphertextMovedFromAnotherMessage_IsRefusedAsUndecryptable()
    {
        var original = Encrypted(new PingPayload("first"), _dutchKey);
        var other = Belgium.Envelope(_scene.Node, PingPayload.Type, "{}") with { Payload = original.Payload };

        await _scene.ExpectRefusedAsync(Belgium, Belgium.Sign(other), RejectionReasons.Undecryptable);
    }

    [Fact]
    public async Task APayloadEncryptedForAnotherNode_IsRefused_ForItCannotBeDecryptedHere()
    {
        using var luxembourgKey = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var forLuxembourg = new EncryptionRecipient(PayloadEncryption.Fingerprint(luxembourgKey), luxembourgKey);

        await _scene.ExpectRefusedAsync(Belgium, Belgium.Sign(Encrypted(new PingPayload("for LU"), forLuxembourg)), RejectionReasons.NotEncryptedForUs);
    }

    [Fact]
    public async Task AnEncryptedPayloadNamingTheNodesKeyIdButWrappedForAnotherKey_IsRefusedAsUndecryptable()
    {
        using var stranger = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        await _scene.ExpectRefusedAsync(Belgium, Belgium.Sign(Encrypted(new PingPayload("wrong key"), new EncryptionRecipient(_dutchKey.KeyId, stranger))),
            RejectionReasons.Undecryptable);
    }

    private MessageEnvelope Encrypted(object payload, EncryptionRecipient to)
    {
        var envelope = Belgium.Envelope(_scene.Node, PingPayload.Type, payload);
        return envelope with { Payload = PayloadEncryption.Encrypt(envelope.Payload, envelope.Id, [to]) };
    }
}
