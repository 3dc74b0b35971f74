using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Audit.Witness;

/// <summary><c>Senningen:Audit</c>: how often this node sends its latest signed tree head to its partners to witness.</summary>
internal sealed record WitnessSettings(TimeSpan PublishHeadsEvery)
{
    public const string SectionName = "Senningen:Audit";

    public static WitnessSettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var settings = new WitnessSettings(new SettingReader(configuration, SectionName, problems).Duration("PublishHeadsEvery", TimeSpan.FromMinutes(5)));
        if (settings.PublishHeadsEvery < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{SectionName}:PublishHeadsEvery must be at least 00:00:01.");
        }

        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }
}
