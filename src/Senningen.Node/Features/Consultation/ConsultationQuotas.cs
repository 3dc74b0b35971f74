using System.Globalization;
using Senningen.Core.Consultation;
using Senningen.Core.Countries;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Consultation;

/// <summary>
/// How many consultation queries this node answers per partner and context within an hour; above that it refuses them
/// on receipt and alerts its DPO. <c>Senningen:Consultation:QueriesPerHour</c> is the default for every partner and
/// context; <c>Senningen:Consultation:QueryQuotas:{partner}:{context}</c> (e.g. <c>QueryQuotas:BE:hit-no-hit</c>) sets
/// one pair, as agreed with that partner: reviewed configuration, not code.
/// </summary>
internal sealed record ConsultationQuotas(int PerHour, IReadOnlyDictionary<(CountryCode Partner, string Context), int> Agreed)
{
    public const string SectionName = "Senningen:Consultation";
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public int For(CountryCode partner, string context) => Agreed.GetValueOrDefault((partner, context), PerHour);

    public static ConsultationQuotas Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var perHour = (int)new SettingReader(configuration, SectionName, problems).Number("QueriesPerHour", 500, 0, 1_000_000);
        var agreed = new Dictionary<(CountryCode, string), int>();
        foreach (var partner in configuration.GetSection($"{SectionName}:QueryQuotas").GetChildren())
        {
            if (!CountryCode.TryParse(partner.Key, out var country))
            {
                problems.Add($"{partner.Path}: '{partner.Key}' is not a country code.");
                continue;
            }

            foreach (var context in partner.GetChildren())
            {
                if (!ConsultationContexts.Names.ContainsKey(context.Key))
                {
                    problems.Add($"{context.Path}: '{context.Key}' is not a consultation context ({string.Join(", ", ConsultationContexts.Names.Keys)}).");
                }
                else if (int.TryParse(context.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quota) && quota is >= 0 and <= 1_000_000)
                {
                    agreed[(country, context.Key)] = quota;
                }
                else
                {
                    problems.Add($"{context.Path} = '{context.Value}' is not valid: expected a whole number from 0 to 1000000.");
                }
            }
        }

        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : new ConsultationQuotas(perHour, agreed);
    }
}
