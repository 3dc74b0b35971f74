using System.Security.Cryptography;
using Senningen.Core.Countries;

namespace Senningen.Core.Exchange;

/// <summary>
/// A partner as this node trusts it: its country, where it is reached, the configured public key (the trust anchor)
/// and the keys pinned since from its signed key sets.
/// </summary>
public sealed record TrustedPartner(CountryCode Country, Uri BaseUrl, ECDsa PublicKey, string KeyId)
{
    public PinnedKeysHolder Keys { get; } = new(PinnedKeys.Anchor(KeyId, PublicKey));
}

/// <summary>The partners this node accepts messages from, by country.</summary>
public sealed class TrustList(IEnumerable<TrustedPartner> partners)
{
    private readonly Dictionary<CountryCode, TrustedPartner> _byCountry = partners.ToDictionary(p => p.Country);

    public IReadOnlyCollection<TrustedPartner> Partners => _byCountry.Values;

    public TrustedPartner? Find(CountryCode country) => _byCountry.GetValueOrDefault(country);
}
