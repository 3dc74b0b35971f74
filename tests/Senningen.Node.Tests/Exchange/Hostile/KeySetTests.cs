using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// Belgium, trusted and signing correctly, pushes key sets (<c>exchange.keyset</c>): only a set its pinned key vouches
/// for adds keys; one signed only by keys it introduces is refused, and pins nothing.
/// </summary>
public sealed class KeySetTests : IAsyncLifetime
{
    private const string KeySetType = "exchange.keyset";
    private HostileScene _scene = null!;

    public async ValueTask InitializeAsync() => _scene = await HostileScene.StartAsync();

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    private HostilePartner Belgium => _scene.Belgium;

    [Fact]
    public async Task KeySetSignedOnlyByAnUnpinnedKey_IsRefused_AndPinsNothing()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var set = Set(PublishedKey.From(stranger, DateTimeOffset.UtcNow, null)).SignWith([(Es256.Fingerprint(stranger), stranger)]);

        await _scene.ExpectRefusedAsync(Belgium, Push(set), KeySetVerification.Untrusted);

        (await QueryAsync(_scene.Node, db => db.PartnerKeys.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task KeySetFromAnotherCountry_IsRefused()
    {
        var set = new KeySet(CountryCode.Parse("LU"), KeySet.Truncate(DateTimeOffset.UtcNow), [PublishedKey.From(Belgium.Key, DateTimeOffset.UnixEpoch, null)], [])
            .SignWith([(Belgium.KeyId, Belgium.Key)]);

        await _scene.ExpectRefusedAsync(Belgium, Push(set), KeySetVerification.WrongCountry);
    }

    [Fact]
    public async Task KeySetVouchedForByThePinnedKey_PinsTheNewKey_WhichThenSignsAcceptedMessages()
    {
        using var next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var set = Set(PublishedKey.From(Belgium.Key, DateTimeOffset.UnixEpoch, now.AddDays(7)), PublishedKey.From(next, now, null))
            .SignWith([(Belgium.KeyId, Belgium.Key), (Es256.Fingerprint(next), next)]);

        (await Belgium.SendAsync(_scene.Node, Push(set))).Status.ShouldBe("Accepted");
        await _scene.HandledAsync();

        using var rotated = HostilePartner.WithKey("BE", next);
        (await QueryAsync(_scene.Node, db => db.PartnerKeys.AnyAsync(k => k.KeyId == rotated.KeyId))).ShouldBeTrue();
        var receipt = await rotated.SendAsync(_scene.Node, rotated.Sign(rotated.Envelope(_scene.Node, PingPayload.Type, new PingPayload("new key"))));
        receipt.Status.ShouldBe("Accepted");
    }

    private static KeySet Set(params PublishedKey[] keys) => new(CountryCode.Parse("BE"), KeySet.Truncate(DateTimeOffset.UtcNow), keys, []);

    private Contracts.Exchange.EnvelopeWire Push(SignedKeySet set) =>
        Belgium.Sign(Belgium.Envelope(_scene.Node, KeySetType, KeySetMapping.ToWire(set, DateTimeOffset.UtcNow)));
}
