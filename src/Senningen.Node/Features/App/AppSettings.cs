using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.App;

/// <summary>
/// <c>Senningen:App</c>: after how many days without reaching the node the app warns that its offline copy may be out
/// of date, and where the reviewed field-guide data (phrases, emergency numbers, mission kinds) is read from.
/// </summary>
internal sealed record AppSettings(int StaleAfterDays, string FieldGuideFile)
{
    public const string SectionName = "Senningen:App";

    public static AppSettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var days = (int)values.Number("StaleAfterDays", 7, 1, 90);
        var file = configuration[$"{SectionName}:FieldGuideFile"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "data", "app", "field-guide.json");
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : new AppSettings(days, file);
    }
}
