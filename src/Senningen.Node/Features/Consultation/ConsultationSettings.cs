using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Consultation;

/// <summary>
/// <c>Senningen:Consultation</c>: how long a search waits for each partner before showing it as not answering (the
/// query message lives exactly that long, so a late query is never delivered); and the volume of searches by one user
/// within a window above which the data-protection officer is alerted.
/// </summary>
internal sealed record ConsultationSettings(TimeSpan PartnerTimeout, int VolumeAlertSearches = 50, TimeSpan? VolumeAlertWindow = null)
{
    public const string SectionName = "Senningen:Consultation";

    public static ConsultationSettings Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var settings = new ConsultationSettings(values.Duration("PartnerTimeout", TimeSpan.FromSeconds(5)),
            (int)values.Number("VolumeAlertSearches", 50, 1, 100_000), values.Duration("VolumeAlertWindow", TimeSpan.FromHours(1)));
        if (settings.PartnerTimeout < TimeSpan.FromSeconds(1) || settings.PartnerTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{SectionName}:PartnerTimeout must be between 00:00:01 and 00:05:00.");
        }

        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }

    public TimeSpan AlertWindow => VolumeAlertWindow ?? TimeSpan.FromHours(1);
}
