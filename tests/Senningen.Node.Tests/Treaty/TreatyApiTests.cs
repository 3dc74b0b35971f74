using System.Net.Http.Json;
using Senningen.Contracts.Treaty;

namespace Senningen.Node.Tests.Treaty;

public sealed class TreatyApiTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "BE");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decide_HotPursuitFromBelgiumIntoTheNetherlands_IsAllowedWithLegalBasis()
    {
        using var officer = await _node.SignedInAsync("officer");

        var decision = await officer.GetFromJsonAsync<TreatyDecisionView>("api/v1/treaty/decide?mission=hot-pursuit&host=NL&date=2026-01-15", Ct);

        decision!.Acting.ShouldBe("BE");
        decision.Outcome.ShouldBe("Allowed");
        decision.LegalBasis.ShouldNotBeNullOrWhiteSpace();
        decision.Rule!.Conditions.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("anpr-exchange", "LU")]
    [InlineData("mixed-patrol-consultation", "LU")]
    public async Task Decide_BelgiumNetherlandsOnlyMission_TowardsLuxembourg_IsNotAllowed(string mission, string host)
    {
        using var officer = await _node.SignedInAsync("officer");

        var decision = await officer.GetFromJsonAsync<TreatyDecisionView>($"api/v1/treaty/decide?mission={mission}&host={host}", Ct);

        decision!.Allowed.ShouldBeFalse();
        decision.Outcome.ShouldBe("NotAllowed");
        decision.Rule!.Instead.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Decide_JointPostConsultationIntoTheNetherlands_SaysWhatTheDutchNodeDisclosesPerDataSet()
    {
        using var officer = await _node.SignedInAsync("officer");

        var decision = await officer.GetFromJsonAsync<TreatyDecisionView>("api/v1/treaty/decide?mission=joint-post-consultation&host=NL", Ct);
        var refused = await officer.GetFromJsonAsync<TreatyDecisionView>("api/v1/treaty/decide?mission=joint-post-consultation&host=LU", Ct);
        var pursuit = await officer.GetFromJsonAsync<TreatyDecisionView>("api/v1/treaty/decide?mission=hot-pursuit&host=NL", Ct);

        decision!.Rule!.Disclosure.ShouldNotBeNull().OrderBy(d => d.Key).Select(d => $"{d.Key}={d.Value}")
            .ShouldBe(["documents=full", "persons=full", "records=summary", "vehicles=full"]);
        refused!.Rule!.Disclosure.ShouldBeNull();
        pursuit!.Rule!.Disclosure.ShouldBeNull();
    }

    [Fact]
    public async Task Decide_BeforeTheTreatyEnteredIntoForce_IsNotYetInForce()
    {
        using var officer = await _node.SignedInAsync("officer");

        var decision = await officer.GetFromJsonAsync<TreatyDecisionView>("api/v1/treaty/decide?mission=hot-pursuit&host=NL&date=2023-09-30", Ct);

        decision!.Outcome.ShouldBe("NotYetInForce");
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Catalogue_InEveryLanguage_HasAllFifteenMissionsAndNinetyRules(string language)
    {
        using var officer = await _node.SignedInAsync("officer");

        var catalogue = await officer.GetFromJsonAsync<TreatyCatalogueView>($"api/v1/treaty?lang={language}", Ct);

        catalogue!.Language.ShouldBe(language);
        catalogue.MissionTypes.Count.ShouldBeGreaterThanOrEqualTo(15);
        catalogue.Rules.Count.ShouldBe(catalogue.MissionTypes.Count * 6);
        catalogue.Rules.Where(r => r.Verify).ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.OpenQuestion));
    }
}
