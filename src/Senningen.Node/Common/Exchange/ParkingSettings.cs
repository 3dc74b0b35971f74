using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// <c>Senningen:Exchange:ParkAfterAttempts</c>: how many times a message may fail (its handler throws, or the partner
/// answers its delivery with an error) before it is parked for an operator instead of being tried for ever.
/// </summary>
public sealed record ParkingSettings(int ParkAfterAttempts)
{
    public const string SectionName = "Senningen:Exchange";

    public static ParkingSettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var settings = new ParkingSettings((int)values.Number("ParkAfterAttempts", 8, 1, 1000));
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }
}
