using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Treaty;

/// <summary>Pins the answer of every record of the real catalogue; change a row only with the data.</summary>
public sealed class TreatyCatalogueRulesTests
{
    private static readonly string[] AllPairsAllowed =
    [
        "hot-pursuit", "observation-urgent", "observation-planned", "investigative-action", "hit-no-hit-consultation",
        "transport-aliens-law", "transport-judicial", "armed-escort", "special-units-crisis", "high-risk-event",
        "assistance-material", "administrative-approach", "prum-vehicle-query",
    ];

    // Every mission of the treaty is in force from the treaty's own date; the Prüm search is older EU law.
    private static readonly Dictionary<string, DateOnly> InForceFrom = new(StringComparer.Ordinal) { ["prum-vehicle-query"] = new(2011, 8, 26) };

    private static readonly string[] BelgiumNetherlandsOnly =
        ["anpr-exchange", "mixed-patrol-consultation", "joint-post-consultation"];

    public static TheoryData<string, string, string, bool> ExpectedRules()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var mission in AllPairsAllowed.Concat(BelgiumNetherlandsOnly))
        {
            foreach (var acting in CountryCode.TreatyParties)
            {
                foreach (var host in CountryCode.TreatyParties.Where(h => h != acting))
                {
                    var allowed = AllPairsAllowed.Contains(mission) || (acting != CountryCode.Luxembourg && host != CountryCode.Luxembourg);
                    data.Add(mission, acting.Value, host.Value, allowed);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Parse_RealCatalogue_HasNoProblems()
    {
        TreatyFiles.Result.Problems.ShouldBeEmpty(string.Join(Environment.NewLine, TreatyFiles.Result.Problems));
        TreatyFiles.Catalogue.MissionTypes.Count.ShouldBe(16);
        TreatyFiles.Catalogue.Rules.Count.ShouldBe(96);
    }

    [Theory]
    [MemberData(nameof(ExpectedRules))]
    public void Find_EveryMissionAndPair_HasExplicitRuleWithExpectedAnswer(string mission, string acting, string host, bool allowed)
    {
        var rule = TreatyFiles.Catalogue.Find(mission, CountryCode.Parse(acting), CountryCode.Parse(host));

        rule.ShouldNotBeNull();
        rule.Allowed.ShouldBe(allowed);
        rule.EffectiveFrom.ShouldBe(InForceFrom.GetValueOrDefault(mission, new DateOnly(2023, 10, 1)));
        foreach (var text in Texts(rule))
        {
            foreach (var language in Language.All)
            {
                text.Get(language).ShouldNotBeNullOrWhiteSpace();
            }
        }

        if (allowed)
        {
            rule.Notification.ShouldNotBeNull();
            rule.Powers.ShouldNotBeNull();
            rule.Reporting.ShouldNotBeNull();
        }
        else
        {
            rule.Instead.ShouldNotBeNull();
        }

        (rule.OpenQuestion is not null).ShouldBe(rule.Verify);
    }

    [Theory]
    [InlineData("anpr-exchange")]
    [InlineData("mixed-patrol-consultation")]
    [InlineData("joint-post-consultation")]
    public void Decide_BelgiumNetherlandsOnlyMission_IsAllowedOnlyBetweenBelgiumAndNetherlands(string mission)
    {
        var date = new DateOnly(2025, 11, 1);
        var catalogue = TreatyFiles.Catalogue;

        catalogue.Decide(mission, CountryCode.Belgium, CountryCode.Netherlands, date).Outcome.ShouldBe(TreatyOutcome.Allowed);
        catalogue.Decide(mission, CountryCode.Netherlands, CountryCode.Belgium, date).Outcome.ShouldBe(TreatyOutcome.Allowed);
        foreach (var other in new[] { CountryCode.Belgium, CountryCode.Netherlands })
        {
            catalogue.Decide(mission, CountryCode.Luxembourg, other, date).Outcome.ShouldBe(TreatyOutcome.NotAllowed);
            catalogue.Decide(mission, other, CountryCode.Luxembourg, date).Outcome.ShouldBe(TreatyOutcome.NotAllowed);
        }
    }

    [Fact]
    public void PrumVehicleQuery_DisclosesVehicleRegistrationsInFull_AndNothingElse_ForEveryPair()
    {
        foreach (var rule in TreatyFiles.Catalogue.Rules.Where(r => r.MissionId == "prum-vehicle-query"))
        {
            var levels = rule.Disclosure.ShouldNotBeNull();
            levels[DataSet.Vehicles].ShouldBe(DisclosureLevel.Full);
            foreach (var set in new[] { DataSet.Persons, DataSet.Documents, DataSet.Records })
            {
                levels[set].ShouldBe(DisclosureLevel.Refused, $"{rule.Acting}->{rule.Host} {set}");
            }
        }
    }

    [Fact]
    public void Decide_AnprExchangeFromLuxembourg_IsNotAllowed()
    {
        var decision = TreatyFiles.Catalogue.Decide("anpr-exchange", CountryCode.Luxembourg, CountryCode.Belgium, new DateOnly(2024, 3, 1));

        decision.Outcome.ShouldBe(TreatyOutcome.NotAllowed);
        decision.IsAllowed.ShouldBeFalse();
        decision.Rule.ShouldNotBeNull().Instead.ShouldNotBeNull().En.ShouldContain("SIS");
        decision.LegalBasis.ShouldNotBeNull().En.ShouldContain("Art. 13");
    }

    [Fact]
    public void Decide_HotPursuitFromNetherlandsIntoBelgium_IsAllowedWithNotificationAtTheBorder()
    {
        var decision = TreatyFiles.Catalogue.Decide("hot-pursuit", CountryCode.Netherlands, CountryCode.Belgium, new DateOnly(2024, 1, 15));

        decision.Outcome.ShouldBe(TreatyOutcome.Allowed);
        var notification = decision.Rule.ShouldNotBeNull().Notification.ShouldNotBeNull();
        notification.Deadline.Kind.ShouldBe(DeadlineKind.BeforeCrossing);
        notification.Whom.En.ShouldContain("CIC");
    }

    [Theory]
    [InlineData("hot-pursuit")]
    [InlineData("anpr-exchange")]
    [InlineData("observation-urgent")]
    public void Decide_BeforeTreatyEnteredIntoForce_IsNotYetInForce(string mission)
    {
        var decision = TreatyFiles.Catalogue.Decide(mission, CountryCode.Belgium, CountryCode.Netherlands, new DateOnly(2023, 9, 30));

        decision.Outcome.ShouldBe(TreatyOutcome.NotYetInForce);
        decision.Rule.ShouldNotBeNull();
    }

    [Fact]
    public void Decide_SameCountry_IsNotCovered()
    {
        var decision = TreatyFiles.Catalogue.Decide("hot-pursuit", CountryCode.Belgium, CountryCode.Belgium, new DateOnly(2024, 1, 1));

        decision.Outcome.ShouldBe(TreatyOutcome.NotCovered);
        decision.Rule.ShouldBeNull();
        decision.LegalBasis.ShouldBeNull();
    }

    [Fact]
    public void Decide_UnknownMission_IsNotCovered() =>
        TreatyFiles.Catalogue.Decide("tea-party", CountryCode.Belgium, CountryCode.Netherlands, new DateOnly(2024, 1, 1))
            .Outcome.ShouldBe(TreatyOutcome.NotCovered);

    [Fact]
    public void Decide_NonPartyCountry_IsNotCovered() =>
        TreatyFiles.Catalogue.Decide("hot-pursuit", CountryCode.Germany, CountryCode.Netherlands, new DateOnly(2024, 1, 1))
            .Outcome.ShouldBe(TreatyOutcome.NotCovered);

    [Fact]
    public void RulesFor_EveryMissionType_HasSixRulesAndTextsInFourLanguages()
    {
        foreach (var mission in TreatyFiles.Catalogue.MissionTypes)
        {
            TreatyFiles.Catalogue.RulesFor(mission.Id).Count.ShouldBe(6, mission.Id);
            foreach (var language in Language.All)
            {
                mission.Name.Get(language).ShouldNotBeNullOrWhiteSpace();
                mission.Summary.Get(language).ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public void Version_SameFilesInAnyOrder_IsStableSha256Hex()
    {
        var files = TreatyFiles.Load();
        var reversed = TreatyCatalogueParser.Parse(files.Reverse()).Catalogue.ShouldNotBeNull();

        reversed.Version.ShouldBe(TreatyFiles.Catalogue.Version);
        reversed.Version.Length.ShouldBe(64);
    }

    [Fact]
    public void LegalBasis_IsWrittenInEachLanguage_AndKeepsTheOfficialReference()
    {
        foreach (var rule in TreatyFiles.Catalogue.Rules)
        {
            var basis = rule.LegalBasis;
            var where = $"{rule.MissionId} {rule.Acting}->{rule.Host}";
            if (rule.MissionId == "prum-vehicle-query")
            {
                // EU law, not the treaty: the Council Decision and the Regulation are cited by number in every language.
                foreach (var text in new[] { basis.Nl, basis.Fr, basis.De, basis.En })
                {
                    text.ShouldContain("2008/615/J", customMessage: where);
                    text.ShouldContain("2024/982", customMessage: where);
                }

                continue;
            }

            basis.Nl.ShouldContain("Benelux-politieverdrag 2018", customMessage: where);
            basis.Fr.ShouldContain("Traité de police Benelux de 2018", customMessage: where);
            basis.De.ShouldContain("Benelux-Polizeivertrag 2018", customMessage: where);
            basis.En.ShouldContain("Benelux Police Treaty 2018", customMessage: where);
            foreach (var text in new[] { basis.Nl, basis.Fr, basis.De, basis.En })
            {
                text.ShouldContain("(Trb. 2018, 160)", customMessage: where);
            }

            basis.Fr.ShouldNotContain("Police Treaty", customMessage: where);
            basis.Nl.ShouldNotContain("Police Treaty", customMessage: where);
            basis.De.ShouldNotContain("Police Treaty", customMessage: where);
        }
    }

    private static IEnumerable<LocalizedText> Texts(TreatyRule rule)
    {
        IEnumerable<LocalizedText?> all =
        [
            rule.LegalBasis, .. rule.Conditions, rule.Instead, rule.Notification?.Whom, rule.Notification?.When, rule.Powers?.Weapons,
            rule.Powers?.Apprehension, rule.Powers?.UseOfForce, rule.Powers?.MayNot, rule.Reporting, rule.OpenQuestion,
        ];
        return all.OfType<LocalizedText>();
    }
}
