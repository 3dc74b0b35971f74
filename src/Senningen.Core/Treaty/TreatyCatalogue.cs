using System.Security.Cryptography;
using System.Text;
using Senningen.Core.Countries;

namespace Senningen.Core.Treaty;

/// <summary>
/// The validated treaty catalogue: mission types and one rule per (mission, acting, host).
/// Immutable; build it with <see cref="TreatyCatalogueParser.Parse"/>.
/// </summary>
public sealed class TreatyCatalogue
{
    private readonly Dictionary<string, MissionType> _missions;
    private readonly Dictionary<(string Mission, CountryCode Acting, CountryCode Host), TreatyRule> _rules;

    internal TreatyCatalogue(IEnumerable<MissionType> missionTypes, IEnumerable<TreatyRule> rules, string version)
    {
        MissionTypes = [.. missionTypes.OrderBy(m => m.Id, StringComparer.Ordinal)];
        Rules = [.. rules.OrderBy(r => r.MissionId, StringComparer.Ordinal)
            .ThenBy(r => r.Acting.Value, StringComparer.Ordinal)
            .ThenBy(r => r.Host.Value, StringComparer.Ordinal)];
        _missions = MissionTypes.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _rules = Rules.ToDictionary(r => (r.MissionId, r.Acting, r.Host));
        Version = version;
    }

    /// <summary>Mission types ordered by id.</summary>
    public IReadOnlyList<MissionType> MissionTypes { get; }

    /// <summary>All rules ordered by mission, acting and host country.</summary>
    public IReadOnlyList<TreatyRule> Rules { get; }

    /// <summary>Lower-case SHA-256 hex over the sorted file names and texts; changes with any edit.</summary>
    public string Version { get; }

    public MissionType? FindMissionType(string missionId) => _missions.GetValueOrDefault(missionId);

    /// <summary>The six rules of a mission type (empty for an unknown id).</summary>
    public IReadOnlyList<TreatyRule> RulesFor(string missionId) =>
        [.. Rules.Where(r => string.Equals(r.MissionId, missionId, StringComparison.Ordinal))];

    public TreatyRule? Find(string missionId, CountryCode acting, CountryCode host) =>
        _rules.GetValueOrDefault((missionId, acting, host));

    /// <summary>May an officer of <paramref name="acting"/> carry out the mission in <paramref name="host"/> on <paramref name="date"/>?</summary>
    public TreatyDecision Decide(string missionId, CountryCode acting, CountryCode host, DateOnly date)
    {
        var rule = acting == host ? null : Find(missionId, acting, host);
        var outcome = rule switch
        {
            null => TreatyOutcome.NotCovered,
            _ when date < rule.EffectiveFrom => TreatyOutcome.NotYetInForce,
            _ when rule.EffectiveUntil is { } until && date > until => TreatyOutcome.NoLongerInForce,
            { Allowed: false } => TreatyOutcome.NotAllowed,
            _ => TreatyOutcome.Allowed,
        };
        return new TreatyDecision(missionId, acting, host, date, outcome, rule);
    }

    internal static string ComputeVersion(IEnumerable<TreatySource> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources.OrderBy(s => s.FileName, StringComparer.Ordinal))
        {
            // The separators keep ("ab", "c") and ("a", "bc") from hashing alike.
            hash.AppendData(Encoding.UTF8.GetBytes(source.FileName + "\0" + source.Text + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
