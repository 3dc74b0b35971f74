using System.Net;

namespace Senningen.Node.Tests.Console;

public sealed class MissionGuidePageTests
{
    [Fact]
    public async Task MissionGuide_ForAJointPostConsultation_ShowsWhatThePartnerDisclosesPerDataSet()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "officer");

        var html = await session.GetPageAsync("/mission-guide?mission=joint-post-consultation&host=NL");
        var luxembourg = await session.GetPageAsync("/mission-guide?mission=joint-post-consultation&host=LU");

        html.ShouldContain("data-testid=\"rule-disclosure\"");
        html.ShouldContain("Wat het partnerland prijsgeeft");
        html.ShouldContain("<dt>Politiegegevens en signaleringen</dt><dd data-level=\"summary\">Samenvatting (wie of wat, status, behandelcode)</dd>");
        html.ShouldContain("<dt>Personen</dt><dd data-level=\"full\">Volledig dossier</dd>");
        luxembourg.ShouldNotContain("data-testid=\"rule-disclosure\"");
    }

    [Fact]
    public async Task MissionGuide_SignedInOfficer_PrerendersTheSelectedRule()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "officer");

        var html = await session.GetPageAsync("/mission-guide?mission=hot-pursuit&host=NL");

        html.ShouldContain("data-testid=\"rule-card\"");
        html.ShouldContain("data-testid=\"rule-allowed\"");
        html.ShouldContain("<html lang=\"nl\">", customMessage: "the demo officer reads Dutch");
        html.ShouldContain("Grensoverschrijdende achtervolging");
        html.ShouldContain("Missiegids");
        html.ShouldContain("data-testid=\"host-NL\"");
        html.ShouldContain("data-testid=\"host-LU\"");
        html.ShouldNotContain("data-testid=\"host-BE\"");
        html.ShouldContain("<option value=\"hot-pursuit\" selected");
    }

    [Fact]
    public async Task MissionGuide_UnknownSelection_FallsBackToHotPursuitInTheFirstOtherCountry()
    {
        await using var node = await TestNode.StartAsync(country: "NL");
        using var session = await ConsoleSession.SignedInAsync(node, "officer");

        var html = await session.GetPageAsync("/mission-guide?mission=no-such-mission&host=NL");

        html.ShouldContain("<option value=\"hot-pursuit\" selected");
        html.ShouldContain("class=\"chip chip-active\"><svg");
        html.ShouldContain("data-testid=\"cell-hot-pursuit-BE\"");
    }

    [Fact]
    public async Task MissionGuide_Anonymous_RedirectsToLogin()
    {
        await using var node = await TestNode.StartAsync();
        using var session = ConsoleSession.Anonymous(node);

        using var response = await session.GetAsync("/mission-guide");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/login");
    }

    [Fact]
    public async Task MissionGuide_AfterChoosingFrench_RendersInFrench()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "officer");

        using var changed = await session.PostFormAsync("/", "/account/language",
            new() { ["language"] = "fr", ["returnUrl"] = "/mission-guide" });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await session.GetPageAsync("/mission-guide?mission=hot-pursuit&host=NL");

        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain("Poursuite transfrontalière");
        html.ShouldContain("Guide de mission");
    }
}
