using Senningen.Core.Countries;
using Senningen.Core.Exchange;

namespace Senningen.Core.Tests.Exchange;

public sealed class HandlingTests
{
    [Theory]
    [InlineData("H9", "A", "1", null, HandlingFields.Code, HandlingRulesNames.Code)]
    [InlineData("h2", "A", "1", null, HandlingFields.Code, HandlingRulesNames.Code)]
    [InlineData("2", "A", "1", null, HandlingFields.Code, HandlingRulesNames.Code)]
    [InlineData(null, "A", "1", null, HandlingFields.Code, HandlingRulesNames.Code)]
    [InlineData("H1", "E", "1", null, HandlingFields.Reliability, HandlingRulesNames.Reliability)]
    [InlineData("H1", "a", "1", null, HandlingFields.Reliability, HandlingRulesNames.Reliability)]
    [InlineData("H1", "0", "1", null, HandlingFields.Reliability, HandlingRulesNames.Reliability)]
    [InlineData("H1", "B", "5", null, HandlingFields.Accuracy, HandlingRulesNames.Accuracy)]
    [InlineData("H1", "B", "Known", null, HandlingFields.Accuracy, HandlingRulesNames.Accuracy)]
    [InlineData("H3", "B", "2", " ", HandlingFields.Conditions, HandlingRulesNames.Conditions)]
    [InlineData("H2", "B", "2", "only for the licence", HandlingFields.Conditions, HandlingRulesNames.Conditions)]
    public void Parse_NamesThePartAndTheRule_OfAnyCodeOutsideTheTable(string? code, string? reliability, string? accuracy, string? conditions,
        string field, string rule) =>
        HandlingMarking.Parse(code, reliability, accuracy, conditions).ShouldBe(HandlingParse.Refused(field, rule));

    [Fact]
    public void Parse_AcceptsEveryCombinationOfTheTable_AndItsTextReadsBack()
    {
        foreach (var code in Enum.GetValues<HandlingCode>())
        {
            foreach (var reliability in Enum.GetValues<SourceReliability>())
            {
                foreach (var accuracy in new[] { "1", "2", "3", "4" })
                {
                    var conditions = code == HandlingCode.H3 ? "not before the hearing of 12 January" : null;
                    var marking = HandlingMarking.Parse(code.ToString(), reliability.ToString(), accuracy, conditions).Marking.ShouldNotBeNull();
                    marking.Text.ShouldBe($"{code}/{reliability}/{accuracy}");
                    HandlingMarking.FromText(marking.Text, conditions).ShouldBe(marking);
                }
            }
        }
    }

    // The oracle, written from the codes' definitions rather than from the table.
    private static bool Oracle(HandlingCode code, OnwardUse use, OnwardConsent consent) => use switch
    {
        OnwardUse.PoliceUse => true,
        OnwardUse.PassOnOutsideLawEnforcement => code is HandlingCode.H0 or HandlingCode.H1 ? consent != OnwardConsent.None : consent == OnwardConsent.Explicit,
        OnwardUse.EvidenceInCourt => code is HandlingCode.H0 or HandlingCode.H2 || consent == OnwardConsent.Explicit,
        _ => code is HandlingCode.H0 or HandlingCode.H1 || consent == OnwardConsent.Explicit,
    };

    [Fact]
    public void Decide_FollowsTheDefinitionOfEachCode_ForEveryUseAndConsent_AndARefusalNamesTheCode()
    {
        foreach (var code in Enum.GetValues<HandlingCode>())
        {
            var marking = HandlingMarking.From(code, SourceReliability.B, InformationAccuracy.KnownToSource, code == HandlingCode.H3 ? "ask first" : null);
            foreach (var use in Enum.GetValues<OnwardUse>())
            {
                foreach (var consent in Enum.GetValues<OnwardConsent>())
                {
                    var expected = Oracle(code, use, consent);
                    HandlingRules.Decide(marking, use, consent).ShouldBe(new OnwardDecision(expected, expected ? null : $"handling-code-{code}"),
                        $"{code} {use} {consent}");
                }
            }
        }
    }

    [Fact]
    public void MarkingCheck_RefusesABadCodeOrPriority_AndAnUnmarkedTypeThatCarriesInformation()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        var ping = new MessageEnvelope(Guid.CreateVersion7(at), Guid.CreateVersion7(at), 1, "exchange.ping", 1, CountryCode.Belgium, CountryCode.Netherlands,
            at, at.AddHours(1), null, "{}");
        var hit = ping with { Type = "anpr.hit" };

        EnvelopeInspection.MarkingCheck(ping).ShouldBeNull();
        EnvelopeInspection.MarkingCheck(hit).ShouldBe(HandlingRulesNames.Missing);
        EnvelopeInspection.MarkingCheck(hit with { Handling = new EnvelopeHandling("H1", "A", "2", null) }).ShouldBeNull();
        EnvelopeInspection.MarkingCheck(hit with { Handling = new EnvelopeHandling("H5", "A", "2", null) }).ShouldBe(HandlingRulesNames.Code);
        EnvelopeInspection.MarkingCheck(ping with { Priority = "asap" }).ShouldBe(HandlingRulesNames.Priority);
        EnvelopeInspection.MarkingCheck(ping with { Priority = "urgent" }).ShouldBeNull();
    }

    [Fact]
    public void CanonicalForm_OfAnUnmarkedEnvelopeIsUnchanged_AndTheMarkingAndPriorityAreSigned()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        var plain = new MessageEnvelope(Guid.Parse("01900000-0000-7000-8000-000000000001"), Guid.Parse("01900000-0000-7000-8000-000000000002"), 1,
            "exchange.ping", 1, CountryCode.Belgium, CountryCode.Netherlands, at, at.AddHours(1), null, "{}");
        var marked = plain with { Handling = new EnvelopeHandling("H2", "B", "3", null) };

        System.Text.Encoding.UTF8.GetString(CanonicalForm.Of(plain)).ShouldEndWith("\"case\":null,\"payload\":\"{}\"}");
        CanonicalForm.Hash(marked).ShouldNotBe(CanonicalForm.Hash(plain));
        CanonicalForm.Hash(marked with { Handling = new EnvelopeHandling("H0", "B", "3", null) }).ShouldNotBe(CanonicalForm.Hash(marked));
        CanonicalForm.Hash(plain with { Priority = "urgent" }).ShouldNotBe(CanonicalForm.Hash(plain));
    }

    [Fact]
    public void Defaults_MarkEveryTypeThatCarriesInformation_AndPursuitMessagesAreUrgent()
    {
        MessageDefaults.Find("operations.crossing")!.Priority.ShouldBe(MessagePriority.Urgent);
        MessageDefaults.Find("anpr.hit")!.Priority.ShouldBe(MessagePriority.Routine);
        MessageDefaults.CarriesInformation("exchange.ping").ShouldBeFalse();
        MessageDefaults.ForUrgency(Senningen.Core.Requests.Urgency.Crisis).ShouldBe(MessagePriority.Urgent);
        MessageDefaults.ForUrgency(Senningen.Core.Requests.Urgency.Normal).ShouldBe(MessagePriority.Routine);
        MessageDefaults.All.Where(d => d.Type.Split('.')[0] is "operations" or "anpr" or "consultation" or "request")
            .ShouldAllBe(d => d.Handling != null);
    }
}
