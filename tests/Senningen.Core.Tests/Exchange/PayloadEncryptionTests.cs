using System.Security.Cryptography;
using Senningen.Core.Exchange;

namespace Senningen.Core.Tests.Exchange;

public sealed class PayloadEncryptionTests
{
    private static readonly Guid Message = Guid.CreateVersion7();

    [Fact]
    public void EachRecipient_OpensThePayload_WithItsOwnKey()
    {
        using var partner = Key();
        using var self = Key();
        var jwe = PayloadEncryption.Encrypt("""{"note":"hello"}""", Message, [Recipient(partner), Recipient(self)]);

        PayloadEncryption.IsEncrypted(jwe).ShouldBeTrue();
        jwe.ShouldNotContain("hello");
        foreach (var key in new[] { partner, self })
        {
            PayloadEncryption.Decrypt(jwe, Message, Lookup(key)).ShouldBe(new OpenedPayload("""{"note":"hello"}""", null));
        }
    }

    [Fact]
    public void AKeyThatIsNoRecipient_IsToldSo_AndAnotherMessageId_OpensNothing()
    {
        using var partner = Key();
        using var stranger = Key();
        var jwe = PayloadEncryption.Encrypt("{}", Message, [Recipient(partner)]);

        PayloadEncryption.IsEncrypted(jwe).ShouldBeTrue("one recipient: the flattened serialisation");
        PayloadEncryption.Decrypt(jwe, Message, Lookup(stranger)).Refusal.ShouldBe(RejectionReasons.NotEncryptedForUs);
        PayloadEncryption.Decrypt(jwe, Guid.CreateVersion7(), Lookup(partner)).Refusal.ShouldBe(RejectionReasons.Undecryptable);
    }

    [Theory]
    [InlineData("""{"note":"x"}""")]
    [InlineData("""{"ciphertext":"x","note":"y"}""")]
    [InlineData("""{"ciphertext":"x"}""")]
    [InlineData("[]")]
    [InlineData("{not json")]
    public void APlainPayload_IsNotTakenForAJwe(string payload) => PayloadEncryption.IsEncrypted(payload).ShouldBeFalse();

    [Theory]
    [InlineData("""{"protected":"e30","recipients":[],"iv":"AA","ciphertext":"AA","tag":"AA"}""")]
    [InlineData("""{"protected":"!!","recipients":[{"header":{"kid":"k"},"encrypted_key":"AA"}],"iv":"AA","ciphertext":"AA","tag":"AA"}""")]
    public void AMalformedJwe_IsRefusedAsUndecryptable_NotThrown(string jwe)
    {
        using var key = Key();
        PayloadEncryption.IsEncrypted(jwe).ShouldBeTrue();
        PayloadEncryption.Decrypt(jwe, Message, _ => key).Refusal.ShouldNotBeNull();
    }

    [Fact]
    public void AnEncryptionKeyInAKeySet_NeverOpensAsASigningKey()
    {
        using var key = Key();
        var published = PublishedKey.From(key, DateTimeOffset.UnixEpoch, null);

        published.TryOpen().ShouldBeNull();
        using var opened = published.TryOpenAgreement().ShouldNotBeNull();
        PayloadEncryption.Fingerprint(opened).ShouldBe(published.KeyId);
        (published with { Use = KeyUses.Signing }).TryOpenAgreement().ShouldBeNull();
    }

    private static ECDiffieHellman Key() => ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    private static EncryptionRecipient Recipient(ECDiffieHellman key) => new(PayloadEncryption.Fingerprint(key), key);

    private static Func<string, ECDiffieHellman?> Lookup(ECDiffieHellman key) => kid => kid == PayloadEncryption.Fingerprint(key) ? key : null;
}
