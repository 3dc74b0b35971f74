using System.Net.Http.Json;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Localization;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The control room's live picture (issue 21, point 9): a Dutch control room operator keeps the dashboard open while a
/// Belgian pursuit crosses into the Netherlands and a Belgian crisis request arrives; both appear without a reload, in
/// Dutch, with the zone's control room by name, the alert's age and the deadline in Dutch date format. The Belgian
/// control room sees its operation abroad; a Dutch officer does not see the partner's alerts.
/// </summary>
public sealed class DashboardTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_ShowsAlertsOperationsAndRequestsLive_InDutch_ForTheRoleSignedIn()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        await using var nlContext = await browser.NewContextAsync(network["NL"]);
        var room = await nlContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(room, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(room, "nl");
        await room.GotoAsync("");
        await ConsoleSteps.WaitUntilInteractiveAsync(room);
        await Expect(room.Locator("[data-testid=dashboard-alerts-count]")).ToHaveTextAsync("0");
        await Expect(room.Locator("[data-testid=dashboard-alerts]")).ToContainTextAsync("Geen melding wacht op bevestiging.");
        await Expect(room.Locator("[data-testid=dashboard-hits-count]")).ToHaveTextAsync("0");
        await Expect(room.Locator("[data-testid=dashboard-hits-link]")).ToHaveAttributeAsync("href", "/anpr/hits");
        await Expect(room.Locator("[data-testid=dashboard-partner]")).ToContainTextAsync("België");
        // The link to the Belgian node is up (Polly's circuit closed): shown as such, in Dutch.
        await Expect(room.Locator("[data-testid=dashboard-partner]")).ToHaveAttributeAsync("data-link", "up");
        await Expect(room.Locator("[data-testid=dashboard-partner]")).ToContainTextAsync("verbinding in orde");

        using var tracker = await network["BE"].SignedInAsync("officer");
        var operation = await PursuitAlertTests.StartPursuitAsync(tracker);
        await PursuitAlertTests.DriveUntilCrossingAsync(tracker, operation.Id);

        var alert = room.Locator("[data-testid=dashboard-alert]");
        await Expect(alert).ToContainTextAsync("Meldkamer Zeeland-West-Brabant", new() { Timeout = 10_000 });
        await Expect(alert).ToContainTextAsync("WPR-ANT-12");
        await Expect(alert).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"wacht al \d+ s"));
        await Expect(room.Locator("[data-testid=dashboard-alerts-count]")).ToHaveTextAsync("1");
        await Expect(room.Locator("[data-testid=dashboard-foreign-count]")).ToHaveTextAsync("1");

        using var liaison = await network["BE"].SignedInAsync("liaison");
        var created = await liaison.PostAsJsonAsync("api/v1/requests", new
        {
            // In a zone the Dutch control room answers for: its dashboard lists the requests it may read.
            type = "special-units-crisis", partner = "NL", urgency = "crisis", caseReference = "BE-CRISIS-DASH", region = "NL-RE10",
            fields = new Dictionary<string, object>
            {
                ["situation"] = "Hostage taking in a school", ["location"] = "Kerkrade", ["unitsNeeded"] = "Intervention team",
                ["commandPost"] = "CP Kerkrade town hall", ["contact"] = "+32 2 000 00 00",
            },
        }, Ct);
        created.EnsureSuccessStatusCode();
        var draft = (await created.Content.ReadFromJsonAsync<RequestView>(Ct))!;
        (await liaison.PostAsJsonAsync($"api/v1/requests/{draft.Summary.Id}/transitions", new TransitionInput("submit"), Ct)).EnsureSuccessStatusCode();

        var request = room.Locator("[data-testid=dashboard-request]");
        await Expect(request).ToContainTextAsync(draft.Summary.Reference, new() { Timeout = 15_000 });
        await Expect(request).ToContainTextAsync("van België");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ConsoleTime.Zone);
        await Expect(request).ToContainTextAsync(new System.Text.RegularExpressions.Regex(
            $@"antwoord uiterlijk \d{{1,2}}[-/]{today.Month}[-/]{today.Year} \d{{2}}:\d{{2}}"));
        await Expect(request).ToContainTextAsync("nog ");
        await ConsoleSteps.KeepScreenshotAsync(room, "dashboard");

        // The home control room sees its unit abroad; a Dutch officer sees no partner alerts (not theirs to see).
        await using var beContext = await browser.NewContextAsync(network["BE"]);
        var home = await beContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(home, "controlroom");
        await ConsoleSteps.WaitUntilInteractiveAsync(home);
        await Expect(home.Locator("[data-testid=dashboard-abroad-item]")).ToContainTextAsync("WPR-ANT-12");
        await Expect(home.Locator("[data-testid=dashboard-abroad-count]")).ToHaveTextAsync("1");

        await using var officerContext = await browser.NewContextAsync(network["NL"]);
        var officer = await officerContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(officer, "officer");
        await ConsoleSteps.WaitUntilInteractiveAsync(officer);
        await Expect(officer.Locator("[data-testid=dashboard-abroad]")).ToBeVisibleAsync();
        await Expect(officer.Locator("[data-testid=dashboard-alerts]")).ToHaveCountAsync(0);
        await Expect(officer.Locator("[data-testid=dashboard-hits]")).ToHaveCountAsync(0);
    }
}
