using System.Security.Cryptography;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;

namespace Senningen.Core.Tests.Exchange;

/// <summary>The chain of trust from a configured key through rotations, and what a pinned revocation does to envelopes.</summary>
public sealed class KeySetTests
{
    private static readonly ECDsa Anchor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa Next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa Third = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(2);
    private static readonly PinnedKeys Pinned = PinnedKeys.Anchor(Es256.Fingerprint(Anchor), Anchor);

    private static KeySet Set(IReadOnlyList<RevokedKey>? revoked = null, CountryCode? country = null, params ECDsa[] keys) =>
        new(country ?? CountryCode.Belgium, Now, [.. keys.Select(k => PublishedKey.From(k, Now, null))], revoked ?? []);

    private static SignedKeySet SignedBy(KeySet set, params ECDsa[] signers) => set.SignWith(signers.Select(k => (Es256.Fingerprint(k), k)));

    private static string? Check(SignedKeySet offer, PinnedKeys? pinned = null) =>
        KeySetVerification.Check(offer, CountryCode.Belgium, pinned ?? Pinned, Now, Skew);

    [Fact]
    public void Check_NewKeyVouchedForByThePinnedKey_IsAccepted() => Check(SignedBy(Set(null, null, Anchor, Next), Anchor, Next)).ShouldBeNull();

    [Fact]
    public void Check_SignedOnlyByTheKeyItIntroduces_IsUntrusted() => Check(SignedBy(Set(null, null, Next), Next)).ShouldBe(KeySetVerification.Untrusted);

    [Fact]
    public void Check_ListChangedAfterSigning_IsBadSignature()
    {
        var offer = SignedBy(Set(null, null, Anchor, Next), Anchor);
        var changed = offer with { Set = offer.Set with { Keys = [.. offer.Set.Keys, PublishedKey.From(Third, Now, null)] } };

        Check(changed).ShouldBe(KeySetVerification.BadSignature);
    }

    [Fact]
    public void Check_AnotherCountrysSet_IsRefused() =>
        Check(SignedBy(Set(null, CountryCode.Luxembourg, Anchor), Anchor)).ShouldBe(KeySetVerification.WrongCountry);

    [Fact]
    public void Check_KeyWhoseIdIsNotItsFingerprint_IsMalformed()
    {
        var mislabelled = PublishedKey.From(Next, Now, null) with { KeyId = Es256.Fingerprint(Third) };
        var offer = new KeySet(CountryCode.Belgium, Now, [mislabelled], []).SignWith([(Es256.Fingerprint(Anchor), Anchor)]);

        Check(offer).ShouldBe(KeySetVerification.Malformed);
    }

    [Fact]
    public void Chain_ThirdKeyVouchedForBySecond_IsAcceptedOnceTheSecondIsPinned()
    {
        var afterFirst = Pinned.Merge(Set(null, null, Anchor, Next));
        var second = SignedBy(Set(null, null, Next, Third), Next);

        Check(second).ShouldBe(KeySetVerification.Untrusted);
        Check(second, afterFirst).ShouldBeNull();
    }

    [Fact]
    public void Merge_RevocationIsNeverUndone_AndExpiryOnlyMovesEarlier()
    {
        var nextId = Es256.Fingerprint(Next);
        var revoked = Pinned.Merge(Set(null, null, Next)).Merge(new KeySet(CountryCode.Belgium, Now, [PublishedKey.From(Next, Now, Now.AddDays(1))],
            [new RevokedKey(nextId, Now)]));

        var replayed = revoked.Merge(Set(null, null, Next));

        replayed.Standing(nextId, Now, Skew).ShouldBe(KeyStanding.Revoked);
        replayed.Find(nextId)!.ExpiresAt.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void Envelope_SignedWithARevokedPinnedKey_IsKeyRevoked_AndWithAnExpiredOne_KeyExpired()
    {
        var partner = new TrustedPartner(CountryCode.Belgium, new Uri("http://127.0.0.1:5101/"), Anchor, Es256.Fingerprint(Anchor));
        var trust = new TrustList([partner]);
        var envelope = new MessageEnvelope(Guid.CreateVersion7(Now), Guid.CreateVersion7(Now), 1, "exchange.ping", 1, CountryCode.Belgium,
            CountryCode.Netherlands, Now, Now.AddHours(1), null, "{}");
        var byNext = new SignedEnvelope(envelope, Es256.Fingerprint(Next), Es256.Sign(Next, CanonicalForm.Of(envelope)));
        var rules = new TimeRules(Skew, TimeSpan.FromDays(7));

        EnvelopeInspection.Check(byNext, trust, CountryCode.Netherlands, Now, rules).ShouldBe(RejectionReasons.BadSignature);
        partner.Keys.Replace(partner.Keys.Current.Merge(new KeySet(CountryCode.Belgium, Now, [PublishedKey.From(Next, Now, Now.AddMinutes(-3))], [])));
        EnvelopeInspection.Check(byNext, trust, CountryCode.Netherlands, Now, rules).ShouldBe(RejectionReasons.KeyExpired);
        partner.Keys.Replace(partner.Keys.Current.Merge(new KeySet(CountryCode.Belgium, Now, [], [new RevokedKey(Es256.Fingerprint(Next), Now)])));
        EnvelopeInspection.Check(byNext, trust, CountryCode.Netherlands, Now, rules).ShouldBe(RejectionReasons.KeyRevoked);
    }
}
