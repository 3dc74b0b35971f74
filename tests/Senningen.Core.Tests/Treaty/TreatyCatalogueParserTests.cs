using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using static Senningen.Core.Tests.Treaty.MissionYaml;

namespace Senningen.Core.Tests.Treaty;

public sealed class TreatyCatalogueParserTests
{
    [Fact]
    public void Parse_MinimalValidFile_Succeeds()
    {
        var result = Parse(Valid());

        result.Problems.ShouldBeEmpty(string.Join(Environment.NewLine, result.Problems));
        result.Catalogue.ShouldNotBeNull().Rules.Count.ShouldBe(6);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsFileAndLine()
    {
        var yaml = ReplaceFirst(Valid(), "legalBasis: {", "legalBasis: [unclosed {");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("YAML syntax");
        problem.Line.ShouldBe(LineOf(yaml, "[unclosed"));
    }

    [Fact]
    public void Parse_BadIndentation_ReportsFileAndLine()
    {
        var yaml = ReplaceFirst(Valid(), "    host: NL", "      host: NL");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("YAML syntax");
        problem.Line.ShouldBe(LineOf(yaml, "      host: NL"));
    }

    [Fact]
    public void Parse_EmptyFile_IsReported() =>
        SingleProblem("").Line.ShouldBe(1);

    [Fact]
    public void Parse_UnknownKey_IsReportedAtItsLine()
    {
        var yaml = ReplaceFirst(Valid(), "    verify: false", "    verfiy: false\n    verify: false");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("unknown key 'verfiy'");
        problem.Line.ShouldBe(LineOf(yaml, "verfiy"));
    }

    [Fact]
    public void Parse_MissingField_IsReportedAtTheRecord()
    {
        var yaml = ReplaceFirst(Valid(), LegalBasisLine, "");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("missing field 'legalBasis'");
        problem.Line.ShouldBe(LineOf(yaml, "acting: BE"));
    }

    [Fact]
    public void Parse_WrongType_IsReportedAtTheValue()
    {
        var yaml = ReplaceFirst(Valid(), "allowed: true", "allowed: maybe");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("true or false");
        problem.Line.ShouldBe(LineOf(yaml, "allowed: maybe"));
    }

    [Fact]
    public void Parse_BadDate_IsReportedAtTheValue()
    {
        var yaml = ReplaceFirst(Valid(), "effectiveFrom: 2023-10-01", "effectiveFrom: 2023-13-01");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("date");
        problem.Line.ShouldBe(LineOf(yaml, "2023-13-01"));
    }

    [Fact]
    public void Parse_UnknownCountry_IsReportedAtTheValue()
    {
        var yaml = ReplaceFirst(Valid(), "host: NL", "host: DE");

        var problems = Problems(yaml);

        problems.ShouldContain(p => p.Message.Contains("must be BE, NL or LU") && p.Line == LineOf(yaml, "host: DE"));
    }

    [Fact]
    public void Parse_MissingLanguage_IsReportedAtTheText()
    {
        var yaml = ReplaceFirst(Valid(), "summary: {nl: t, fr: t, de: t, en: t}", "summary: {nl: t, fr: t, en: t}");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("missing field 'de'");
        problem.Line.ShouldBe(LineOf(yaml, "summary:"));
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("en")]
    public void Parse_LegalBasisWithoutOneLanguage_NamesTheFileTheRuleTheFieldAndTheLanguage(string language)
    {
        var without = language switch
        {
            "nl" => "{fr: \"Art. 1 essai\", de: \"Art. 1 Test\", en: \"Art. 1 test\"}",
            "fr" => "{nl: \"Art. 1 test\", de: \"Art. 1 Test\", en: \"Art. 1 test\"}",
            "de" => "{nl: \"Art. 1 test\", fr: \"Art. 1 essai\", en: \"Art. 1 test\"}",
            _ => "{nl: \"Art. 1 test\", fr: \"Art. 1 essai\", de: \"Art. 1 Test\"}",
        };
        var yaml = Valid().Replace(LegalBasisLine, $"    legalBasis: {without}\n", StringComparison.Ordinal);
        var third = LineOf(yaml, "legalBasis:", occurrence: 3);

        var problems = TreatyCatalogueParser.Parse([new TreatySource(FileName, yaml)]).Problems;

        problems.Count.ShouldBe(6);
        var problem = problems.Single(p => p.Line == third);
        problem.FileName.ShouldBe(FileName);
        problem.Message.ShouldBe($"rules[2].legalBasis: missing field '{language}'");
    }

    [Fact]
    public void Parse_LegalBasisAsOneEnglishText_IsReportedAsNotLocalized()
    {
        var yaml = ReplaceFirst(Valid(), LegalBasisLine, "    legalBasis: \"Art. 1 Benelux Police Treaty\"\n");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldBe("rules[0].legalBasis: must be a mapping with nl, fr, de and en, found a single value");
        problem.Line.ShouldBe(LineOf(yaml, "legalBasis:"));
    }

    [Fact]
    public void Parse_LegalBasis_IsReadInEveryLanguage()
    {
        var rule = Parse(Valid()).Catalogue.ShouldNotBeNull().Rules[0];

        rule.LegalBasis.Get("fr").ShouldBe("Art. 1 essai");
        rule.LegalBasis.Get("de").ShouldBe("Art. 1 Test");
    }

    [Fact]
    public void Parse_DuplicateRecord_IsReportedAtTheSecondRecord()
    {
        var yaml = Valid() + Rule("BE", "NL");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("duplicate record");
        problem.Line.ShouldBe(LineOf(yaml, "acting: BE", occurrence: 3));
    }

    [Fact]
    public void Parse_VerifyWithoutOpenQuestion_IsReportedAtVerify()
    {
        var yaml = ReplaceFirst(Valid(), "verify: false", "verify: true");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("openQuestion");
        problem.Line.ShouldBe(LineOf(yaml, "verify: true"));
    }

    [Fact]
    public void Parse_EffectiveUntilBeforeEffectiveFrom_IsReportedAtEffectiveUntil()
    {
        var yaml = ReplaceFirst(Valid(), "effectiveFrom: 2023-10-01", "effectiveFrom: 2023-10-01\n    effectiveUntil: 2022-01-01");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("before effectiveFrom");
        problem.Line.ShouldBe(LineOf(yaml, "effectiveUntil"));
    }

    [Fact]
    public void Parse_MissionWithoutAllSixPairs_NamesTheMissingPairs()
    {
        var yaml = Valid(skipPairs: 2);

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("BE->NL, BE->LU");
        problem.Line.ShouldBe(LineOf(yaml, "rules:"));
    }

    [Fact]
    public void Parse_NotAllowedWithoutInstead_IsReported()
    {
        var yaml = ReplaceFirst(Valid(), "allowed: true", "allowed: false");

        SingleProblem(yaml).Message.ShouldContain("missing field 'instead'");
    }

    [Fact]
    public void Parse_IdDifferentFromFileName_IsReportedAtId()
    {
        var yaml = ReplaceFirst(Valid(), "id: test-mission", "id: other-mission");

        var problem = SingleProblem(yaml);

        problem.Message.ShouldContain("file name");
        problem.Line.ShouldBe(1);
    }

    [Fact]
    public void Parse_WithinHoursDeadline_IsReadAsHours()
    {
        var yaml = ReplaceFirst(Valid(), "deadline: immediately", "deadline: {within-hours: 5}");

        var catalogue = TreatyCatalogueParser.Parse([new TreatySource(FileName, yaml)]).Catalogue.ShouldNotBeNull();
        var rule = catalogue.Find("test-mission", CountryCode.Belgium, CountryCode.Netherlands).ShouldNotBeNull();

        rule.Notification.ShouldNotBeNull().Deadline.ShouldBe(new NotificationDeadline(DeadlineKind.WithinHours, 5));
    }

    [Fact]
    public void Parse_ProblemsInTwoFiles_NamesEachFile()
    {
        var broken = ReplaceFirst(Valid(), "allowed: true", "allowed: 1");
        var other = ReplaceFirst(broken, "id: test-mission", "id: second");

        var problems = TreatyCatalogueParser.Parse([new TreatySource(FileName, broken), new TreatySource("second.yaml", other)]).Problems;

        problems.Select(p => p.FileName).Distinct().Order().ShouldBe(["second.yaml", FileName]);
    }

    private static TreatyParseResult Parse(string yaml) => TreatyCatalogueParser.Parse([new TreatySource(FileName, yaml)]);

    private static IReadOnlyList<TreatyProblem> Problems(string yaml)
    {
        var result = Parse(yaml);
        result.IsSuccess.ShouldBeFalse();
        result.Problems.ShouldAllBe(p => p.FileName == FileName);
        return result.Problems;
    }

    private static TreatyProblem SingleProblem(string yaml)
    {
        var problems = Problems(yaml);
        problems.Count.ShouldBe(1, string.Join(Environment.NewLine, problems));
        return problems[0];
    }
}
