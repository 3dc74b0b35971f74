using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// <c>Senningen:Audit</c>: <see cref="MaxMergeDelay"/> is how long an entry may wait, once committed, before the
/// sequencer has integrated it into the log's Merkle tree and signed a head covering it (RFC 9162's MMD).
/// <see cref="KeepEveryHeadFor"/> is how long every signed head is kept; older ones are thinned (<see cref="AuditHeadThinning"/>).
/// </summary>
internal sealed record AuditTreeSettings(TimeSpan MaxMergeDelay, TimeSpan KeepEveryHeadFor)
{
    public const string SectionName = "Senningen:Audit";

    public static AuditTreeSettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var settings = new AuditTreeSettings(values.Duration("MaxMergeDelay", TimeSpan.FromSeconds(1)),
            values.Duration("KeepEveryHeadFor", TimeSpan.FromHours(1)));
        if (settings.MaxMergeDelay < TimeSpan.FromMilliseconds(100) || settings.MaxMergeDelay > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:MaxMergeDelay must be between 00:00:00.1 and 01:00:00.");
        }

        if (settings.KeepEveryHeadFor < TimeSpan.FromMinutes(1) || settings.KeepEveryHeadFor > TimeSpan.FromDays(30))
        {
            problems.Add($"{SectionName}:KeepEveryHeadFor must be between 00:01:00 and 30.00:00:00.");
        }

        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }

    /// <summary>How often the sequencer looks for entries other instances saved (this instance's own wake it at once).</summary>
    public TimeSpan PollEvery => MaxMergeDelay / 4;

    /// <summary>The least time between two integrations: gathers a busy moment's entries under one signed head.</summary>
    public TimeSpan GatherFor => MaxMergeDelay / 10;
}
