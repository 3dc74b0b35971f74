using Senningen.Core.Countries;
using Senningen.Core.Requests;
using Senningen.Core.Tests.Treaty;

namespace Senningen.Core.Tests.Requests;

/// <summary>The shipped request data loads; a broken file is refused naming file, line and rule; routing and joint use read it.</summary>
public sealed class RequestCatalogueTests
{
    private static RequestCatalogue Catalogue => RequestFiles.Catalogue;

    [Fact]
    public void ShippedFiles_Load_WithEveryTypeTheIssueNames()
    {
        Catalogue.Types.Select(t => t.Id).ShouldBe(
            ["assistance-personnel", "material-loan", "escort-aliens-law", "escort-judicial", "weapons-authorisation", "investigative-action",
             "special-units-crisis", "high-risk-event", "information-request", "administrative-approach", "liaison-joint-use"]);
        Catalogue.Spocs.Select(s => s.Country.Value).ShouldBe(["BE", "NL", "LU"], ignoreOrder: true);
        Catalogue.LiaisonOfficers.ShouldAllBe(o => o.Name.Contains("synthetic", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryTypeHasALegalBasis_FromTheCatalogueOrItsOwnText()
    {
        foreach (var type in Catalogue.Types)
        {
            (type.Mission is not null ? TreatyFiles.Catalogue.FindMissionType(type.Mission) is not null : type.LegalBasis is not null)
                .ShouldBeTrue(type.Id);
        }
    }

    [Fact]
    public void UnknownMission_FailsWithLineAndRule()
    {
        var sources = RequestFiles.Load();
        var types = sources.Single(s => s.FileName == RequestCatalogueParser.TypesFile);
        sources[sources.IndexOf(types)] = types with { Text = types.Text.Replace("mission: armed-escort", "mission: armed-escrot", StringComparison.Ordinal) };

        // The authorities naming the type then fail too; the first problem is the cause.
        var problem = RequestFiles.Parse(sources).Problems[0];

        problem.FileName.ShouldBe(RequestCatalogueParser.TypesFile);
        problem.Line.ShouldBe(LineOf(types.Text, "mission: armed-escort"));
        problem.Message.ShouldContain("'armed-escrot' is not in the treaty catalogue");
    }

    [Theory]
    [InlineData("kind: number, mandatory: true, min: 1, max: 1000", "kind: numbr, mandatory: true, min: 1, max: 1000", "'kind' must be one of")]
    [InlineData("notBefore: from, label: {nl: \"Tot\", fr: \"Au\", de: \"Bis\", en: \"Until\"}}\n      - {name: purpose",
        "notBefore: till, label: {nl: \"Tot\", fr: \"Au\", de: \"Bis\", en: \"Until\"}}\n      - {name: purpose", "notBefore 'till' must name an earlier date field")]
    [InlineData("urgencies: [crisis]", "urgencies: [panic]", "'urgencies' must be one of")]
    public void BrokenTypeEntry_IsNamed(string good, string bad, string message)
    {
        var sources = RequestFiles.Load();
        var types = sources.Single(s => s.FileName == RequestCatalogueParser.TypesFile);
        var index = types.Text.IndexOf(good, StringComparison.Ordinal);
        index.ShouldBeGreaterThan(0);
        sources[sources.IndexOf(types)] = types with { Text = types.Text[..index] + bad + types.Text[(index + good.Length)..] };

        var problems = RequestFiles.Parse(sources).Problems;

        problems.ShouldContain(p => p.Message.Contains(message, StringComparison.Ordinal) && p.Line > 0, string.Join("\n", problems));
    }

    [Fact]
    public void MissingLanguageInAnAuthorityName_AndMissingFile_AreBothReported()
    {
        var sources = RequestFiles.Load().Where(s => s.FileName != RequestCatalogueParser.OfficersFile).ToList();
        var authorities = sources.Single(s => s.FileName == RequestCatalogueParser.AuthoritiesFile);
        sources[sources.IndexOf(authorities)] = authorities with
        {
            Text = authorities.Text.Replace(", de: \"IRC der Einheit Limburg\"", "", StringComparison.Ordinal),
        };

        var problems = RequestFiles.Parse(sources).Problems;

        problems.ShouldContain(p => p.FileName == RequestCatalogueParser.AuthoritiesFile && p.Message.Contains("missing field 'de'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.FileName == RequestCatalogueParser.OfficersFile && p.Message.Contains("is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Routing_RegionBeatsCountry_CrisisGoesToTheSpecialUnits_AndTheSpocIsCopiedWhereAsked()
    {
        var hearing = Catalogue.FindType("investigative-action")!;
        Catalogue.RouteFor(CountryCode.Netherlands, hearing, Urgency.Normal, "NL-LIM").ShouldBe(
            new Route(Catalogue.FindAuthority("nl-irc-limburg")!, null));
        Catalogue.RouteFor(CountryCode.Netherlands, hearing, Urgency.Normal, "NL-NH").Recipient.Id.ShouldBe("nl-lirc-desk");

        var crisis = Catalogue.RouteFor(CountryCode.Belgium, Catalogue.FindType("special-units-crisis")!, Urgency.Crisis, null);
        (crisis.Recipient.Id, crisis.SpocCopy?.Id).ShouldBe(("be-dsu", "be-spoc"));

        // The Directive's information requests go to the SPOC itself when no authority is named for them.
        var information = Catalogue.RouteFor(CountryCode.Luxembourg, Catalogue.FindType("information-request")!, Urgency.UrgentDirect, null);
        (information.Recipient.Id, information.SpocCopy).ShouldBe(("lu-spoc", null));
        Catalogue.RouteFor(CountryCode.Netherlands, Catalogue.FindType("weapons-authorisation")!, Urgency.Urgent, null).Recipient.Id.ShouldBe("nl-weapons");
    }

    [Fact]
    public void JointUse_ProposesOtherCountriesOfficers_SpeakersFirst_NeverTheAbsent()
    {
        Catalogue.Propose(CountryCode.Belgium, "CO", "es").Select(o => o.Id).ShouldBe(["nl-lo-co"]);
        Catalogue.HasOwnOfficer(CountryCode.Belgium, "CO").ShouldBeFalse("the Belgian officer in Colombia is absent");
        Catalogue.HasOwnOfficer(CountryCode.Belgium, "MA").ShouldBeTrue();
        Catalogue.Propose(CountryCode.Luxembourg, "MA", "ar").Select(o => o.Id).ShouldBe(["be-lo-ma", "nl-lo-ma"], ignoreOrder: true);
        Catalogue.Propose(CountryCode.Luxembourg, "MA", "en")[0].Id.ShouldBe("nl-lo-ma");
        Catalogue.Propose(CountryCode.Belgium, "TH", null).ShouldBeEmpty();
        Catalogue.Propose(CountryCode.Netherlands, "XK", null).Select(o => o.Id).ShouldBe(["lu-lo-rs"]);
    }

    private static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
