using Senningen.Core.Countries;

namespace Senningen.Core.Exchange;

/// <summary>
/// Whether a partner's key set may be believed: it is that partner's, every signature on it holds, and at least one
/// is by a key this node already trusts (the configured anchor or a key pinned from an earlier set). The chain of
/// trust runs from the configured PEM through each rotation; a set signed only by keys it introduces proves nothing.
/// </summary>
public static class KeySetVerification
{
    public const string WrongCountry = "key-set-wrong-country";
    public const string Malformed = "key-set-malformed";
    public const string BadSignature = "key-set-bad-signature";
    public const string Untrusted = "key-set-untrusted";

    /// <summary>The most keys and revocations a set may list: a node has a handful, a flood is refused before any signature work.</summary>
    public const int MaxEntries = 64;

    /// <returns>Null when the set may be merged, else one of this class's reasons.</returns>
    public static string? Check(SignedKeySet offer, CountryCode partner, PinnedKeys pinned, DateTimeOffset now, TimeSpan skew)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(pinned);
        var set = offer.Set;
        if (set.Country != partner)
        {
            return WrongCountry;
        }

        if (set.Keys.Count > MaxEntries || set.Revoked.Count > MaxEntries || offer.Signatures.Count is 0 or > MaxEntries
            || set.IssuedAt > now + skew)
        {
            return Malformed;
        }

        var offered = new Dictionary<string, PublishedKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            using var opened = (IDisposable?)key.TryOpen() ?? key.TryOpenAgreement();
            if (opened is null || !offered.TryAdd(key.KeyId, key))
            {
                return Malformed;
            }
        }

        var bytes = set.CanonicalBytes();
        var vouched = false;
        foreach (var signature in offer.Signatures)
        {
            if (pinned.Standing(signature.KeyId, now, skew) == KeyStanding.Valid)
            {
                if (!Es256.Verify(pinned.Find(signature.KeyId)!.PublicKey!, bytes, signature.Signature))
                {
                    return BadSignature;
                }

                vouched = true;
            }
            else if (offered.TryGetValue(signature.KeyId, out var introduced))
            {
                // A new signing key signs too, proving its holder has it; that alone vouches for nothing. An encryption key
                // cannot sign (TryOpen gives null), so a signature naming one is refused.
                using var key = introduced.TryOpen();
                if (key is null || !Es256.Verify(key, bytes, signature.Signature))
                {
                    return BadSignature;
                }
            }
        }

        return vouched ? null : Untrusted;
    }
}
