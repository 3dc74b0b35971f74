namespace Senningen.Core.Treaty;

/// <summary>The data sets a partner's police databases are consulted on (issue 6); YAML names in <see cref="Disclosure.DataSetNames"/>.</summary>
public enum DataSet
{
    Persons,
    Vehicles,
    Documents,
    Records,
}

/// <summary>How much the answering node gives back for one data set, least first.</summary>
public enum DisclosureLevel
{
    /// <summary>Nothing, not even whether there is a hit.</summary>
    Refused,

    /// <summary>Whether there is a hit; the data follow only through a formal request.</summary>
    HitNoHit,

    /// <summary>Who or what was found and why it matters (status, handling code), without the full record.</summary>
    Summary,

    /// <summary>The full record as the national system holds it.</summary>
    Full,
}

/// <summary>
/// What a consultation rule discloses per data set. Consultation missions (<see cref="ConsultationMissions"/>) must
/// say it for every data set when they are allowed; other missions must not say it.
/// </summary>
public static class Disclosure
{
    public static readonly IReadOnlyDictionary<string, DataSet> DataSetNames = new Dictionary<string, DataSet>(StringComparer.Ordinal)
    {
        ["persons"] = DataSet.Persons,
        ["vehicles"] = DataSet.Vehicles,
        ["documents"] = DataSet.Documents,
        ["records"] = DataSet.Records,
    };

    public static readonly IReadOnlyDictionary<string, DisclosureLevel> LevelNames = new Dictionary<string, DisclosureLevel>(StringComparer.Ordinal)
    {
        ["refused"] = DisclosureLevel.Refused,
        ["hit-no-hit"] = DisclosureLevel.HitNoHit,
        ["summary"] = DisclosureLevel.Summary,
        ["full"] = DisclosureLevel.Full,
    };

    /// <summary>The catalogue's missions that are consultations of a partner's databases.</summary>
    public static readonly IReadOnlySet<string> ConsultationMissions =
        new HashSet<string>(["hit-no-hit-consultation", "joint-post-consultation", "mixed-patrol-consultation", "prum-vehicle-query"], StringComparer.Ordinal);

    public static string NameOf(DataSet set) => DataSetNames.First(p => p.Value == set).Key;

    public static string NameOf(DisclosureLevel level) => LevelNames.First(p => p.Value == level).Key;
}
