using System.Net.Http.Json;
using Senningen.Contracts.Requests;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// A Belgian request to lend material, in Chromium against real BE and NL nodes: the Dutch desk finds it in its inbox
/// with its deadline colour, accepts it on the detail page, Belgium's page shows the acceptance, and the request prints
/// as a form in each of the four languages (kept as screenshots for the case file's look).
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class RequestPagesTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DutchDeskAcceptsABelgianRequest_BothSidesSeeIt_AndItPrintsInFourLanguages()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        using var officer = await network["BE"].SignedInAsync("officer");
        var created = await officer.PostAsJsonAsync("api/v1/requests", new
        {
            type = "material-loan", partner = "NL", caseReference = "BE-2026-0901",
            fields = new Dictionary<string, object>
            {
                ["item"] = "Water cannon vehicle", ["quantity"] = 2, ["from"] = "2027-03-01", ["until"] = "2027-03-03",
                ["purpose"] = "High-risk football match", ["returnCondition"] = "Cleaned, full tank", ["costs"] = "requesting",
            },
        }, Ct);
        created.EnsureSuccessStatusCode();
        var draft = (await created.Content.ReadFromJsonAsync<RequestView>(Ct))!;
        (await officer.PostAsJsonAsync($"api/v1/requests/{draft.Summary.Id}/transitions", new TransitionInput("submit"), Ct)).EnsureSuccessStatusCode();

        await using var nlContext = await browser.NewContextAsync(network["NL"]);
        var desk = await nlContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(desk, "liaison");
        await desk.GotoAsync("requests");
        await ConsoleSteps.WaitUntilInteractiveAsync(desk);
        var row = desk.Locator($"[data-testid=request-row][data-reference='{draft.Summary.Reference}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(row.Locator("[data-testid=request-deadline]")).ToHaveAttributeAsync("data-status", "on-time");
        await desk.SelectOptionAsync("[data-testid=requests-type]", "special-units-crisis");
        await Expect(row).ToHaveCountAsync(0);
        await desk.SelectOptionAsync("[data-testid=requests-type]", "material-loan");
        await Expect(row).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(desk, "requests-inbox-nl");
        await row.Locator("a").ClickAsync();
        await ConsoleSteps.WaitUntilInteractiveAsync(desk);
        await Expect(desk.Locator("[data-testid=request-state]")).ToHaveAttributeAsync("data-state", "received", new() { Timeout = 10_000 });
        await desk.ClickAsync("[data-testid=request-action-accept]");
        await Expect(desk.Locator("[data-testid=request-state]")).ToHaveAttributeAsync("data-state", "accepted");
        await Expect(desk.Locator("[data-testid=request-timeline] li[data-action=accept]")).ToBeVisibleAsync();

        // A step that needs a reason says so and changes nothing.
        await desk.ClickAsync("[data-testid=request-action-withdraw], [data-testid=request-action-declare-delay]");
        await Expect(desk.Locator("[data-testid=request-error]")).ToBeVisibleAsync();
        await Expect(desk.Locator("[data-testid=request-state]")).ToHaveAttributeAsync("data-state", "accepted");
        await ConsoleSteps.KeepScreenshotAsync(desk, "request-detail-nl");

        await using var beContext = await browser.NewContextAsync(network["BE"]);
        var be = await beContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(be, "officer");
        await be.GotoAsync($"requests/{draft.Summary.Id}");
        await Expect(be.Locator("[data-testid=request-state]")).ToHaveAttributeAsync("data-state", "accepted", new() { Timeout = 15_000 });

        foreach (var (language, title, legal) in new[]
        {
            ("nl", "Verzoek om politiële samenwerking", "Rechtsgrond"), ("fr", "Demande de coopération policière", "Base juridique"),
            ("de", "Ersuchen um polizeiliche Zusammenarbeit", "Rechtsgrundlage"), ("en", "Request for police cooperation", "Legal basis"),
        })
        {
            await be.GotoAsync($"requests/{draft.Summary.Id}/print?lang={language}");
            var form = be.Locator("[data-testid=request-form]");
            await Expect(form).ToHaveAttributeAsync("lang", language);
            await Expect(form.Locator("h1")).ToContainTextAsync(title);
            await Expect(form).ToContainTextAsync(legal);
            await Expect(form).ToContainTextAsync("Water cannon vehicle");
            await Expect(form.Locator(".signature-box")).Not.ToHaveCountAsync(0);
            await be.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
            await ConsoleSteps.KeepScreenshotAsync(be, $"request-form-{language}");
            await be.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });
        }
    }

    [Fact]
    public async Task ABelgianCrisisRequest_ShowsOnTheDutchControlRoomConsole_UntilAcknowledged()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        await using var nlContext = await browser.NewContextAsync(network["NL"]);
        var room = await nlContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(room, "controlroom");
        await ConsoleSteps.WaitUntilInteractiveAsync(room);
        await Expect(room.Locator("[data-testid=crisis-banner]")).ToHaveCountAsync(0);

        using var liaison = await network["BE"].SignedInAsync("liaison");
        var created = await liaison.PostAsJsonAsync("api/v1/requests", new
        {
            // In a zone the Dutch control room answers for (Kerkrade, Limburg-Zuid): its banner shows the crisis requests of its zones.
            type = "special-units-crisis", partner = "NL", urgency = "crisis", caseReference = "BE-CRISIS-1", region = "NL-RE10",
            fields = new Dictionary<string, object>
            {
                ["situation"] = "Hostage taking in a school", ["location"] = "Kerkrade", ["unitsNeeded"] = "Intervention team, negotiators",
                ["commandPost"] = "CP Kerkrade town hall", ["contact"] = "+32 2 000 00 00",
            },
        }, Ct);
        created.EnsureSuccessStatusCode();
        var draft = (await created.Content.ReadFromJsonAsync<RequestView>(Ct))!;
        (await liaison.PostAsJsonAsync($"api/v1/requests/{draft.Summary.Id}/transitions", new TransitionInput("submit"), Ct)).EnsureSuccessStatusCode();

        // The console the operator already has open shows it, without a reload.
        var banner = room.Locator("[data-testid=crisis-banner]");
        await Expect(banner).ToContainTextAsync(draft.Summary.Reference, new() { Timeout = 15_000 });
        await ConsoleSteps.KeepScreenshotAsync(room, "request-crisis-banner-nl");
        var before = room.Url;
        await banner.Locator("[data-testid=alert-acknowledge]").ClickAsync();
        // Acknowledging leaves the operator on the page they were on; the request is one link away.
        await Expect(room.Locator("[data-testid=crisis-acknowledged]")).ToContainTextAsync(draft.Summary.Reference, new() { Timeout = 10_000 });
        await Expect(room.Locator("[data-testid=crisis-banner]")).ToHaveCountAsync(0);
        room.Url.ShouldBe(before);
        await room.ClickAsync("[data-testid=crisis-open]");
        await Expect(room.Locator("[data-testid=request-timeline] li[data-action=acknowledge]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task BelgianOfficer_AsksTheDutchLiaisonOfficerInColombia_ThroughTheDirectoryAndTheWizard()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        await using var context = await browser.NewContextAsync(network["BE"]);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "de");

        // A form the rules refuse says what is wrong, field by field, and keeps nothing.
        await page.GotoAsync("requests/new?type=material-loan");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await page.FillAsync("[data-testid=new-field-item]", "Drohne");
        await page.FillAsync("[data-testid=new-field-from]", "2027-03-05");
        await page.FillAsync("[data-testid=new-field-until]", "2027-03-01");
        await page.ClickAsync("[data-testid=new-save]");
        await Expect(page.Locator("[data-testid='error-fields.until']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='error-fields.quantity']")).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, "request-new-refused-de");

        await page.GotoAsync("requests/liaison");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await page.FillAsync("[data-testid=liaison-host]", "CO");
        await page.ClickAsync("[data-testid=liaison-search]");
        var dutch = page.Locator("[data-testid=liaison-row][data-id=nl-lo-co]");
        await Expect(dutch).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=liaison-row][data-id=be-lo-co]")).ToHaveCountAsync(0);
        await ConsoleSteps.KeepScreenshotAsync(page, "request-liaison-directory-de");
        await dutch.Locator("[data-testid=liaison-ask]").ClickAsync();
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=new-liaison]")).ToContainTextAsync("nl-lo-co");
        await page.FillAsync("[data-testid=new-field-question]", "Bestätigung einer Identität bei der kolumbianischen Polizei");
        await page.FillAsync("[data-testid=new-case]", "BE-2026-0777");
        await page.ClickAsync("[data-testid=new-submit]");
        // Submitted, or already received: the Dutch node's receipt may be shown before this page is looked at.
        await Expect(page.Locator("[data-testid=request-state]"))
            .ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(submitted|received)$"), new() { Timeout = 10_000 });

        using var nlDesk = await network["NL"].SignedInAsync("liaison");
        RequestSummary? received = null;
        for (var i = 0; i < 60 && received is null; i++)
        {
            received = (await nlDesk.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests?box=inbox", Ct))!.SingleOrDefault(r => r.CaseReference == "BE-2026-0777");
            await Task.Delay(250, Ct);
        }

        received.ShouldNotBeNull("the joint-use request reaches the liaison officer's node");
        received.Type.ShouldBe("liaison-joint-use");
    }
}
