using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;

namespace Senningen.Core.Tests.Exchange;

public sealed class EnvelopeInspectionTests
{
    private static readonly ECDsa BelgianKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa DutchKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeRules Rules = new(TimeSpan.FromMinutes(2), TimeSpan.FromDays(7));

    private static readonly TrustList DutchTrust = new([
        new TrustedPartner(CountryCode.Belgium, new Uri("http://127.0.0.1:5101/"), BelgianKey, Es256.Fingerprint(BelgianKey)),
    ]);

    private static MessageEnvelope Envelope(string payload = "{\"note\":\"hello\"}") => new(
        Guid.CreateVersion7(Now), Guid.CreateVersion7(Now), 1, "exchange.ping", 1, CountryCode.Belgium, CountryCode.Netherlands,
        Now, Now.AddHours(1), "PV-2026-001", payload);

    private static SignedEnvelope Sign(MessageEnvelope envelope, ECDsa? key = null)
    {
        key ??= BelgianKey;
        return new SignedEnvelope(envelope, Es256.Fingerprint(key), Es256.Sign(key, CanonicalForm.Of(envelope)));
    }

    private static string? Check(SignedEnvelope signed, DateTimeOffset? now = null) =>
        EnvelopeInspection.Check(signed, DutchTrust, CountryCode.Netherlands, now ?? Now, Rules);

    [Fact]
    public void Check_SignedByTrustedSenderForUs_IsAccepted() => Check(Sign(Envelope())).ShouldBeNull();

    [Fact]
    public void Check_TamperedPayloadAfterSigning_IsBadSignature()
    {
        var signed = Sign(Envelope());
        var tampered = signed with { Envelope = signed.Envelope with { Payload = "{\"note\":\"hellO\"}" } };

        Check(tampered).ShouldBe(RejectionReasons.BadSignature);
    }

    [Fact]
    public void Check_SignedWithAnotherKey_IsBadSignature() =>
        Check(Sign(Envelope(), DutchKey) with { KeyId = Es256.Fingerprint(BelgianKey) }).ShouldBe(RejectionReasons.BadSignature);

    [Fact]
    public void Check_SenderNotInTheTrustList_IsUnknownSender() =>
        Check(Sign(Envelope() with { Sender = CountryCode.Luxembourg })).ShouldBe(RejectionReasons.UnknownSender);

    [Fact]
    public void Check_AddressedToAnotherNode_IsWrongRecipient() =>
        Check(Sign(Envelope() with { Recipient = CountryCode.Luxembourg })).ShouldBe(RejectionReasons.WrongRecipient);

    [Fact]
    public void Check_PastItsExpiry_IsExpired() => Check(Sign(Envelope()), Now.AddHours(1)).ShouldBe(RejectionReasons.Expired);

    [Fact]
    public void Check_ClaimingALifetimeBeyondTheLimit_IsExpired() =>
        Check(Sign(Envelope() with { ExpiresAt = Now.AddDays(30) })).ShouldBe(RejectionReasons.Expired);

    [Fact]
    public void Check_CreatedFurtherInTheFutureThanTheSkewWindow_IsClockSkew() =>
        Check(Sign(Envelope() with { CreatedAt = Now.AddMinutes(3), ExpiresAt = Now.AddHours(2) })).ShouldBe(RejectionReasons.ClockSkew);

    [Fact]
    public void Check_CreatedWithinTheSkewWindow_IsAccepted() =>
        Check(Sign(Envelope() with { CreatedAt = Now.AddMinutes(1) })).ShouldBeNull();

    [Fact]
    public void Check_DelayedByHoursButNotExpired_IsAccepted() =>
        Check(Sign(Envelope() with { ExpiresAt = Now.AddDays(2) }), Now.AddHours(20)).ShouldBeNull();

    [Fact]
    public void ChangingAnySignedField_BreaksTheSignature()
    {
        var original = Envelope();
        var signature = Sign(original);
        var mutations = new Func<MessageEnvelope, MessageEnvelope>[]
        {
            e => e with { Id = Guid.CreateVersion7(Now.AddMilliseconds(1)) },
            e => e with { ConversationId = Guid.NewGuid() },
            e => e with { Sequence = 2 },
            e => e with { Type = "exchange.pong" },
            e => e with { Version = 2 },
            e => e with { CreatedAt = e.CreatedAt.AddMilliseconds(-1) },
            e => e with { ExpiresAt = e.ExpiresAt.AddMilliseconds(1) },
            e => e with { CaseReference = null },
        };

        foreach (var mutate in mutations)
        {
            Check(signature with { Envelope = mutate(original) }).ShouldBe(RejectionReasons.BadSignature);
        }
    }

    [Theory]
    [InlineData("{\"a\":[1,[2]]}", 3, false)]
    [InlineData("{\"a\":[1,[2]]}", 2, true)]
    [InlineData("{\"a\":\"[[[[[[\"}", 1, false)]
    [InlineData("{\"a\":\"\\\"[[[[\"}", 1, false)]
    [InlineData("{\"a\":\"\\\\\",\"b\":[[]]}", 2, true)]
    [InlineData("[]]]]][[", 1, false)]
    public void NestsDeeperThan_CountsBracketsOutsideStringsOnly(string json, int max, bool deeper) =>
        EnvelopeInspection.NestsDeeperThan(json, max).ShouldBe(deeper);

    [Fact]
    public void Check_PayloadNestedBeyondTheLimit_IsTooDeep_AndOneLongerThanTheLimit_IsTooLarge()
    {
        Check(Sign(Envelope(new string('[', EnvelopeInspection.MaxPayloadDepth + 1)))).ShouldBe(RejectionReasons.PayloadTooDeep);
        Check(Sign(Envelope(new string('[', EnvelopeInspection.MaxPayloadDepth)))).ShouldBeNull();
        Check(Sign(Envelope(new string(' ', EnvelopeInspection.MaxPayloadChars + 1)))).ShouldBe(RejectionReasons.PayloadTooLarge);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property AnyPayloadSignedAndUntouched_Verifies_AndAnyOtherPayload_DoesNot(NonNull<string> payload, NonNull<string> other)
    {
        var signed = Sign(Envelope(payload.Get));
        var swapped = signed with { Envelope = signed.Envelope with { Payload = other.Get } };
        var expectedForSwap = payload.Get == other.Get ? null : RejectionReasons.BadSignature;
        return (Check(signed) is null && Check(swapped) == expectedForSwap).ToProperty();
    }
}
