using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;

namespace Senningen.Node.Common.Exchange;

/// <summary>Key sets between their wire form (JWK names, Unix seconds) and <see cref="SignedKeySet"/>.</summary>
public static class KeySetMapping
{
    public static KeySetWire ToWire(SignedKeySet offer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var set = offer.Set;
        return new KeySetWire(set.Country.Value, set.IssuedAt.ToUnixTimeSeconds(),
            [.. set.Keys.Select(k => new KeyWire(k.KeyId, "EC", "P-256", k.X, k.Y, k.IsEncryption ? PayloadEncryption.KeyAlgorithm : "ES256", k.Use,
                k.NotBefore.ToUnixTimeSeconds(),
                k.ExpiresAt?.ToUnixTimeSeconds(), Status(k, [.. set.Keys.Where(o => o.Use == k.Use)], now)))],
            [.. set.Revoked.Select(r => new RevokedKeyWire(r.KeyId, r.RevokedAt.ToUnixTimeSeconds()))],
            [.. offer.Signatures.Select(s => new KeySignatureWire(s.KeyId, s.Signature))]);
    }

    /// <summary>The set, or null when a field is missing, too long, or not of the key type Senningen signs with.</summary>
    public static SignedKeySet? FromWire(KeySetWire? wire)
    {
        if (wire?.Keys is null || wire.Revoked is null || wire.Signatures is null || !CountryCode.TryParse(wire.Country, out var country)
            || wire.Keys.Count > KeySetVerification.MaxEntries || wire.Revoked.Count > KeySetVerification.MaxEntries
            || wire.Signatures.Count > KeySetVerification.MaxEntries)
        {
            return null;
        }

        if (wire.Keys.Any(k => k is null || !Short(k.Kid) || !Short(k.X) || !Short(k.Y) || k.Kty != "EC" || k.Crv != "P-256"
                || (k.Alg, k.Use) is not ("ES256", KeyUses.Signing) and not (PayloadEncryption.KeyAlgorithm, KeyUses.Encryption))
            || wire.Revoked.Any(r => r is null || !Short(r.Kid)) || wire.Signatures.Any(s => s is null || !Short(s.Kid) || s.Signature is not { Length: <= 128 }))
        {
            return null;
        }

        try
        {
            var set = new KeySet(country, DateTimeOffset.FromUnixTimeSeconds(wire.Iat),
                [.. wire.Keys.Select(k => new PublishedKey(k.Kid, k.X, k.Y, DateTimeOffset.FromUnixTimeSeconds(k.Nbf),
                    k.Exp is { } exp ? DateTimeOffset.FromUnixTimeSeconds(exp) : null, k.Use!))],
                [.. wire.Revoked.Select(r => new RevokedKey(r.Kid, DateTimeOffset.FromUnixTimeSeconds(r.RevokedAt)))]);
            return new SignedKeySet(set, [.. wire.Signatures.Select(s => new KeySignature(s.Kid, s.Signature))]);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string Status(PublishedKey key, IReadOnlyList<PublishedKey> all, DateTimeOffset now) =>
        key.NotBefore > now ? "next"
        : key.ExpiresAt is not null ? "retiring"
        : all.Any(k => k.NotBefore <= now && k.NotBefore > key.NotBefore) ? "retiring" : "current";

    private static bool Short(string? text) => text is { Length: > 0 and <= 64 };
}
