using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Requests;

/// <summary>
/// <c>Senningen:Requests</c>: where the request types, authorities and liaison directory are read from; how long a
/// partner's desk has to acknowledge a crisis request; attachment limits; how often the deadline worker looks; whether
/// the demo seeds sample requests.
/// </summary>
internal sealed record RequestsSettings(string Directory, TimeSpan CrisisAcknowledgeWithin, long MaxAttachmentBytes, int MaxAttachments,
    IReadOnlyList<string> AttachmentTypes, TimeSpan DeadlineCheckEvery, bool SeedDemo)
{
    public const string SectionName = "Senningen:Requests";

    public static RequestsSettings Read(IConfiguration configuration, NodeSettings node)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var directory = configuration[$"{SectionName}:Directory"] is { Length: > 0 } d ? d : Path.Combine(node.TreatyDirectory, "requests");
        var settings = new RequestsSettings(directory,
            values.Duration("CrisisAcknowledgeWithin", TimeSpan.FromMinutes(5)),
            values.Number("MaxAttachmentBytes", 512 * 1024, 1024, 8 * 1024 * 1024),
            (int)values.Number("MaxAttachments", 5, 0, 20),
            ["application/pdf", "image/jpeg", "image/png", "text/plain"],
            values.Duration("DeadlineCheckEvery", TimeSpan.FromSeconds(15)),
            // Only the three-node demo asks for sample requests; test nodes run in demo mode too and start empty.
            string.Equals(configuration[$"{SectionName}:SeedDemo"], "true", StringComparison.OrdinalIgnoreCase));
        if (settings.CrisisAcknowledgeWithin < TimeSpan.FromSeconds(1) || settings.CrisisAcknowledgeWithin > TimeSpan.FromMinutes(30))
        {
            problems.Add($"{SectionName}:CrisisAcknowledgeWithin must be between 00:00:01 and 00:30:00.");
        }

        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }
}
