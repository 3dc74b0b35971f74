using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Envelopes crafted by hand and posted to the Dutch node's inbox over HTTP, signed with the Belgian node's real key:
/// every bad one is refused with a signed receipt, stored nowhere, and audited.
/// </summary>
public sealed class InboxRejectionTests : IAsyncLifetime
{
    private TestNetwork _network = null!;
    private NodeSigningKey _belgianKey = null!;

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.CreateAsync(["BE", "NL"]);
        await _network["NL"].StartAgainAsync();
        _belgianKey = NodeKeyStore.LoadOrCreate(_network["BE"].DataDirectory, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        _belgianKey.Dispose();
        await _network.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MessageEnvelope Envelope(DateTimeOffset? created = null, string type = PingPayload.Type, int version = 1,
        string payload = "{\"note\":\"hello\"}")
    {
        var at = WireMapping.Truncate(created ?? DateTimeOffset.UtcNow);
        return new MessageEnvelope(Guid.CreateVersion7(at), Guid.CreateVersion7(at), 1, type, version, CountryCode.Belgium,
            CountryCode.Netherlands, at, at.AddHours(1), "PV-BE-2026-7", payload);
    }

    private EnvelopeWire Signed(MessageEnvelope e, ECDsa? key = null)
    {
        var signer = key ?? _belgianKey.Key;
        return new EnvelopeWire(e.Id, e.ConversationId, e.Sequence, e.Type, e.Version, e.Sender.IsValid ? e.Sender.Value : "FR",
            e.Recipient.Value, e.CreatedAt.ToUnixTimeMilliseconds(), e.ExpiresAt.ToUnixTimeMilliseconds(), e.CaseReference, e.Payload,
            Es256.Fingerprint(signer), Es256.Sign(signer, CanonicalForm.Of(e)));
    }

    private async Task<ReceiptWire> PostAsync(EnvelopeWire wire)
    {
        using var client = _network["NL"].Anonymous();
        var response = await client.PostAsJsonAsync("exchange/v1/inbox", wire, WireMapping.Json, Ct);
        response.EnsureSuccessStatusCode();
        var receipt = (await response.Content.ReadFromJsonAsync<ReceiptWire>(WireMapping.Json, Ct))!;
        await VerifyDutchSignatureAsync(receipt);
        return receipt;
    }

    [Fact]
    public async Task ValidEnvelope_IsAccepted_AndADuplicateGetsTheSameReceiptWithNoSecondEffect()
    {
        var wire = Signed(Envelope());

        var first = await PostAsync(wire);
        var second = await PostAsync(wire);

        first.Status.ShouldBe("Accepted");
        second.ShouldBe(first);
        (await CountInboxAsync(_network["NL"])).ShouldBe(1);
        (await AuditCountAsync("exchange.received")).ShouldBe(1);
        (await AuditCountAsync("exchange.duplicate")).ShouldBe(1);
    }

    [Fact]
    public async Task TamperedPayload_IsRefusedAsBadSignature() =>
        await ExpectRefusedAsync(Signed(Envelope()) with { Payload = "{\"note\":\"goodbye\"}" }, RejectionReasons.BadSignature);

    [Fact]
    public async Task SignatureByAnotherKey_IsRefusedAsBadSignature()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await ExpectRefusedAsync(Signed(Envelope(), stranger) with { KeyId = _belgianKey.KeyId }, RejectionReasons.BadSignature);
    }

    [Fact]
    public async Task UnknownSender_IsRefused() =>
        await ExpectRefusedAsync(Signed(Envelope() with { Sender = CountryCode.Luxembourg }), RejectionReasons.UnknownSender);

    [Fact]
    public async Task WrongRecipient_IsRefused() =>
        await ExpectRefusedAsync(Signed(Envelope() with { Recipient = CountryCode.Luxembourg }), RejectionReasons.WrongRecipient);

    [Fact]
    public async Task ExpiredEnvelope_IsRefused() =>
        await ExpectRefusedAsync(Signed(Envelope(DateTimeOffset.UtcNow.AddHours(-2))), RejectionReasons.Expired);

    [Fact]
    public async Task ReplayOfAnOldMessage_IsRefusedAsExpired() =>
        await ExpectRefusedAsync(Signed(Envelope(DateTimeOffset.UtcNow.AddDays(-3))), RejectionReasons.Expired);

    [Fact]
    public async Task ClockFarAhead_IsRefusedAsClockSkew() =>
        await ExpectRefusedAsync(Signed(Envelope(DateTimeOffset.UtcNow.AddMinutes(10))), RejectionReasons.ClockSkew);

    [Theory]
    [InlineData("exchange.ping", "H7", "A", "1", null, null, "handling-code")]
    [InlineData("exchange.ping", "H1", "Z", "1", null, null, "source-reliability")]
    [InlineData("exchange.ping", "H1", "A", "0", null, null, "information-accuracy")]
    [InlineData("exchange.ping", "H3", "A", "1", null, null, "h3-conditions")]
    [InlineData("exchange.ping", null, null, null, null, "asap", "priority")]
    [InlineData("anpr.hit", null, null, null, null, null, "handling-code-missing")]
    public async Task EnvelopeWithAnInvalidOrMissingMarking_IsRefusedNamingTheRule_AuditedAndNotStored(string type, string? code, string? reliability,
        string? accuracy, string? conditions, string? priority, string rule)
    {
        var handling = code is null ? null : new EnvelopeHandling(code, reliability!, accuracy!, conditions);
        var envelope = Envelope(type: type) with { Handling = handling, Priority = priority };

        await ExpectRefusedAsync(Signed(envelope) with
        {
            Handling = handling is null ? null : new HandlingWire(handling.Code, handling.Reliability, handling.Accuracy, handling.Conditions),
            Priority = priority,
        }, rule);
    }

    [Fact]
    public async Task MarkingChangedAfterSigning_IsRefusedAsBadSignature() =>
        await ExpectRefusedAsync(Signed(Envelope() with { Handling = new EnvelopeHandling("H2", "A", "1", null) }) with
        {
            Handling = new HandlingWire("H0", "A", "1", null),
        }, RejectionReasons.BadSignature);

    [Fact]
    public async Task UnknownType_IsRefusedWithASignedReceiptSayingSo() =>
        await ExpectRefusedAsync(Signed(Envelope(type: "pursuit.teleport")), RejectionReasons.UnknownType);

    [Fact]
    public async Task KnownTypeInAnUnknownVersion_IsRefused() =>
        await ExpectRefusedAsync(Signed(Envelope(version: 9)), RejectionReasons.UnsupportedVersion);

    [Fact]
    public async Task PayloadThatBreaksTheContract_IsRefused() =>
        await ExpectRefusedAsync(Signed(Envelope(payload: "[1,2,3]")), RejectionReasons.InvalidPayload);

    [Fact]
    public async Task SameIdWithOtherContent_IsRefusedAsIdReused()
    {
        var original = Envelope();
        await PostAsync(Signed(original));

        var receipt = await PostAsync(Signed(original with { Payload = "{\"note\":\"other\"}" }));

        receipt.Status.ShouldBe("Rejected");
        receipt.Reason.ShouldBe(RejectionReasons.IdReused);
        (await CountInboxAsync(_network["NL"])).ShouldBe(1);
    }

    private async Task ExpectRefusedAsync(EnvelopeWire wire, string reason)
    {
        var receipt = await PostAsync(wire);

        receipt.Status.ShouldBe("Rejected");
        receipt.Reason.ShouldBe(reason);
        receipt.MessageId.ShouldBe(wire.Id);
        (await CountInboxAsync(_network["NL"])).ShouldBe(0);
        var refusals = await QueryAsync(_network["NL"], db => db.AuditEntries.Where(e => e.Action == "exchange.refused").ToListAsync());
        refusals.ShouldHaveSingleItem().Detail.ShouldNotBeNull().ShouldEndWith(reason);
    }

    private async Task VerifyDutchSignatureAsync(ReceiptWire wire)
    {
        using var client = await _network["NL"].SignedInAsync("officer");
        var key = await client.GetFromJsonAsync<NodeKeyView>("api/v1/node/key", Ct);
        using var publicKey = NodeKeyStore.ReadPublicKey(key!.PublicKeyPem);
        var signed = WireMapping.ToSigned(wire)!;
        signed.KeyId.ShouldBe(key.KeyId);
        Es256.Verify(publicKey, CanonicalForm.Of(signed.Receipt), signed.Signature).ShouldBeTrue();
    }

    private Task<int> AuditCountAsync(string action) =>
        QueryAsync(_network["NL"], db => db.AuditEntries.CountAsync(e => e.Action == action));
}
