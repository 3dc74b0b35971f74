using Senningen.Core.Countries;

namespace Senningen.Core.Requests;

/// <summary>Where a request goes: the partner's competent authority, and the single point of contact when it gets a copy.</summary>
public sealed record Route(Authority Recipient, Authority? SpocCopy);

/// <summary>
/// The request types, the authorities that receive them per country, and the liaison officer directory; built by
/// <see cref="RequestCatalogueParser"/>. Immutable.
/// </summary>
public sealed class RequestCatalogue
{
    private readonly Dictionary<string, RequestType> _types;

    internal RequestCatalogue(IReadOnlyList<RequestType> types, IReadOnlyList<Authority> spocs, IReadOnlyList<Authority> authorities,
        IReadOnlyList<LiaisonOfficer> officers)
    {
        Types = types;
        Spocs = spocs;
        Authorities = authorities;
        LiaisonOfficers = officers;
        _types = types.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<RequestType> Types { get; }

    /// <summary>One national single point of contact per treaty party.</summary>
    public IReadOnlyList<Authority> Spocs { get; }

    public IReadOnlyList<Authority> Authorities { get; }

    public IReadOnlyList<LiaisonOfficer> LiaisonOfficers { get; }

    public RequestType? FindType(string? id) => id is null ? null : _types.GetValueOrDefault(id);

    public Authority SpocOf(CountryCode country) => Spocs.First(s => s.Country == country);

    public Authority? FindAuthority(string id) =>
        Authorities.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal))
        ?? Spocs.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The partner's authority for this type, urgency and region: one naming the region beats one for the whole
    /// country, one naming the urgency beats one for any urgency; without any, the single point of contact.
    /// The SPOC is copied where the type asks for it (the Directive) and on every crisis request.
    /// </summary>
    public Route RouteFor(CountryCode partner, RequestType type, Urgency urgency, string? region)
    {
        var best = Authorities
            .Where(a => a.Country == partner && a.Types.Contains(type.Id, StringComparer.Ordinal))
            .Where(a => a.Urgencies.Count == 0 || a.Urgencies.Contains(urgency))
            .Where(a => a.Regions.Count == 0 || (region is not null && a.Regions.Contains(region, StringComparer.Ordinal)))
            .OrderByDescending(a => a.Regions.Count > 0)
            .ThenByDescending(a => a.Urgencies.Count > 0)
            .FirstOrDefault();
        var spoc = SpocOf(partner);
        var recipient = best ?? spoc;
        var copy = (type.CopySpoc || urgency == Urgency.Crisis) && recipient != spoc ? spoc : null;
        return new Route(recipient, copy);
    }

    public LiaisonOfficer? FindOfficer(string? id) =>
        id is null ? null : LiaisonOfficers.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));

    /// <summary>Does the country have an officer of its own, not absent, covering <paramref name="host"/>?</summary>
    public bool HasOwnOfficer(CountryCode country, string host) =>
        LiaisonOfficers.Any(o => o.PostingCountry == country && o.Availability != LiaisonAvailability.Absent && Covers(o, host));

    /// <summary>
    /// Liaison officers of the other Benelux countries who can help an officer of <paramref name="asking"/> with
    /// <paramref name="host"/>: absent ones left out, those speaking the language first, then the available before the limited.
    /// </summary>
    public IReadOnlyList<LiaisonOfficer> Propose(CountryCode asking, string host, string? language) =>
        [.. LiaisonOfficers
            .Where(o => o.PostingCountry != asking && o.Availability != LiaisonAvailability.Absent && Covers(o, host))
            .OrderByDescending(o => language is not null && o.Languages.Contains(language, StringComparer.Ordinal))
            .ThenBy(o => o.Availability)
            .ThenBy(o => o.Id, StringComparer.Ordinal)];

    private static bool Covers(LiaisonOfficer officer, string host) =>
        string.Equals(officer.HostCountry, host, StringComparison.Ordinal) || officer.Regions.Contains(host, StringComparer.Ordinal);
}
