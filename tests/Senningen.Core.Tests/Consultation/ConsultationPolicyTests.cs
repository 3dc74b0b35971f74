using Senningen.Core.Consultation;
using Senningen.Core.Countries;
using Senningen.Core.Tests.Treaty;
using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Consultation;

/// <summary>
/// Every cell of (context × requesting → answering × data set) against the real catalogue, written out here from the
/// treaty's reading (issue 6), not computed from the catalogue: a change to a YAML level fails its cell.
/// </summary>
public sealed class ConsultationPolicyTests
{
    private static readonly DateOnly InForce = new(2026, 11, 23);
    private static readonly string[] Pairs = ["BE>NL", "NL>BE", "BE>LU", "LU>BE", "NL>LU", "LU>NL"];

    // Per context: the levels for BE<->NL (persons, vehicles, documents, records) and for pairs with Luxembourg,
    // and the refusal named when the context's own rule does not apply.
    private static readonly Dictionary<string, (string BeNl, string WithLu, string? LuRefusal, bool BeNlFellBack)> Expected = new()
    {
        ["hit-no-hit"] = ("H H H H", "H H H H", null, false),
        ["joint-post"] = ("F F F S", "H H H H", "joint-post-consultation-not-allowed", false),
        ["mixed-patrol"] = ("S F F H", "H H H H", "mixed-patrol-consultation-not-allowed", false),
        ["joint-control"] = ("S F F H", "H H H H", "mixed-patrol-consultation-not-allowed", false),
        ["formal-request"] = ("H H H H", "H H H H", null, true),
        // The Prüm search: the vehicle register in full between any two, nothing else ("-" is refused).
        ["prum-vehicle"] = ("- F - -", "- F - -", null, false),
    };

    public static TheoryData<string, string, DataSet> Cells()
    {
        var data = new TheoryData<string, string, DataSet>();
        foreach (var context in ConsultationContexts.Names.Keys)
        {
            foreach (var pair in Pairs)
            {
                foreach (var set in Enum.GetValues<DataSet>())
                {
                    data.Add(context, pair, set);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void EachCell_DisclosesWhatTheTreatyReadingSays(string context, string pair, DataSet set)
    {
        var (requesting, answering) = (CountryCode.Parse(pair[..2]), CountryCode.Parse(pair[3..]));
        var withLuxembourg = pair.Contains("LU", StringComparison.Ordinal);
        var expected = Expected[context];
        var level = (withLuxembourg ? expected.WithLu : expected.BeNl).Split(' ')[(int)set] switch
        {
            "F" => DisclosureLevel.Full,
            "S" => DisclosureLevel.Summary,
            "H" => DisclosureLevel.HitNoHit,
            _ => DisclosureLevel.Refused,
        };

        var decision = ConsultationPolicy.Decide(TreatyFiles.Catalogue, ConsultationContexts.Names[context], requesting, answering, set, InForce);

        decision.Level.ShouldBe(level);
        decision.Refusal.ShouldBe(withLuxembourg ? expected.LuRefusal : null);
        decision.FellBack.ShouldBe(withLuxembourg ? expected.LuRefusal is not null || expected.BeNlFellBack : expected.BeNlFellBack);
        decision.Rule.ShouldNotBeNull().Acting.ShouldBe(requesting);
        decision.Rule.Host.ShouldBe(answering);
    }

    [Fact]
    public void BeforeTheTreatyIsInForce_NothingIsDisclosed_AndTheRefusalSaysWhy()
    {
        var decision = ConsultationPolicy.Decide(TreatyFiles.Catalogue, ConsultationContext.JointPost, CountryCode.Parse("BE"), CountryCode.Parse("NL"),
            DataSet.Persons, new DateOnly(2023, 9, 30));

        decision.Level.ShouldBe(DisclosureLevel.Refused);
        decision.Refusal.ShouldBe("joint-post-consultation-not-yet-in-force");
        decision.Rule.ShouldBeNull();
    }

    [Fact]
    public void ACountrySearchingItsOwnData_IsNoConsultation()
    {
        var decision = ConsultationPolicy.Decide(TreatyFiles.Catalogue, ConsultationContext.HitNoHit, CountryCode.Parse("NL"), CountryCode.Parse("NL"),
            DataSet.Vehicles, InForce);

        decision.Level.ShouldBe(DisclosureLevel.Refused);
        decision.Refusal.ShouldBe("hit-no-hit-consultation-not-covered");
    }
}
