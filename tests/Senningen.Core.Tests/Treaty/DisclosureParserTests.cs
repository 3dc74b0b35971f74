using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Treaty;

/// <summary>The catalogue's <c>disclosure</c> blocks: required on allowed consultation rules, refused anywhere else, levels checked.</summary>
public sealed class DisclosureParserTests
{
    private const string JointPostBlock = "    disclosure:\n      persons: full\n      vehicles: full\n      documents: full\n      records: summary\n";

    [Fact]
    public void RealCatalogue_AllowedConsultationRules_SayWhatTheyDisclose_OthersDoNot()
    {
        foreach (var rule in TreatyFiles.Catalogue.Rules)
        {
            var expected = Disclosure.ConsultationMissions.Contains(rule.MissionId) && rule.Allowed;
            (rule.Disclosure is not null).ShouldBe(expected, $"{rule.MissionId} {rule.Acting}->{rule.Host}");
            rule.Disclosure?.Count.ShouldBe(4);
        }
    }

    [Fact]
    public void AllowedConsultationRule_WithoutDisclosure_IsReported()
    {
        var yaml = File("joint-post-consultation.yaml");
        var index = yaml.IndexOf(JointPostBlock, StringComparison.Ordinal);
        index.ShouldBeGreaterThan(0);

        var problems = Parse("joint-post-consultation.yaml", yaml.Remove(index, JointPostBlock.Length));

        problems.ShouldHaveSingleItem().Message.ShouldContain("missing field 'disclosure'");
    }

    [Fact]
    public void UnknownLevel_IsReportedWithTheDataSetAndTheValue()
    {
        var yaml = File("joint-post-consultation.yaml");
        var broken = string.Concat(yaml.AsSpan(0, yaml.IndexOf("records: summary", StringComparison.Ordinal)), "records: everything",
            yaml.AsSpan(yaml.IndexOf("records: summary", StringComparison.Ordinal) + "records: summary".Length));

        var problem = Parse("joint-post-consultation.yaml", broken).ShouldHaveSingleItem();

        problem.Message.ShouldContain("'records' must be refused, hit-no-hit, summary or full, found 'everything'");
    }

    [Fact]
    public void Disclosure_OnAMissionThatIsNoConsultation_IsReported()
    {
        var yaml = File("hot-pursuit.yaml");
        var conditions = yaml.IndexOf("\n    conditions:", StringComparison.Ordinal);

        var problem = Parse("hot-pursuit.yaml", yaml.Insert(conditions + 1, JointPostBlock)).ShouldHaveSingleItem();

        problem.Message.ShouldContain("'disclosure' is only for the consultation missions");
    }

    private static string File(string name) => TreatyFiles.Load().Single(s => s.FileName == name).Text;

    private static IReadOnlyList<TreatyProblem> Parse(string name, string yaml) => TreatyCatalogueParser.Parse([new TreatySource(name, yaml)]).Problems;
}
