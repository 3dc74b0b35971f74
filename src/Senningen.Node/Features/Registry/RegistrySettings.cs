using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Registry;

/// <summary>
/// Settings of <c>Senningen:Registry</c>: how many synthetic persons a demo node's reference registry starts with
/// (0 for none), and the seed that makes them the same on every start.
/// </summary>
internal sealed record RegistrySettings(int DemoPersons, long DemoSeed)
{
    public const string SectionName = "Senningen:Registry";

    public static RegistrySettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var settings = new RegistrySettings((int)values.Number("DemoPersons", 2_000, 0, 100_000), values.Number("DemoSeed", 20181023, 0, long.MaxValue));
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }
}
