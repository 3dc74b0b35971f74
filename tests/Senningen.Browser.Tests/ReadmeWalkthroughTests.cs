using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The README's "Things to try", step by step as written and with the default options, on three nodes wired like the
/// demo (its cameras reading traffic, its requests seeded), once in Dutch and once in French. Every page the walk opens
/// records what it showed; none may show English where the language has its own text. Screenshots are kept per step.
/// Step 6 is the command line (covered by the CLI's tests).
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class ReadmeWalkthroughTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] Languages = ["nl", "fr"];

    [Fact]
    public async Task TheThingsToTry_WorkAsWritten_InDutchAndInFrench()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL", "LU"], settings: _ => new Dictionary<string, string?>
        {
            ["Senningen:Anpr:DemoReadsPerSecond"] = "2",
            ["Senningen:Requests:SeedDemo"] = "true",
        });
        var pages = new List<(string Language, string Step, IPage Page)>();
        var contexts = new List<IBrowserContext>();
        try
        {
            async Task<IPage> SignedInAsync(string country, string username, string language, string step)
            {
                var context = await browser.NewContextAsync(network[country]);
                contexts.Add(context);
                await context.AddInitScriptAsync(EnglishLeaks.RecorderScript);
                var page = await context.NewPageAsync();
                await ConsoleSteps.SignInAsync(page, username);
                await ConsoleSteps.SwitchLanguageAsync(page, language);
                pages.Add((language, step, page));
                return page;
            }

            // Step 5 runs once for both languages: the Dutch control room watches its alerts in Dutch and in French
            // while the Belgian control room runs the E19 replay from its French console and follows it in Dutch too.
            var alerts = new Dictionary<string, IPage>();
            var operations = new Dictionary<string, IPage>();
            foreach (var language in Languages)
            {
                alerts[language] = await SignedInAsync("NL", "controlroom", language, "5-alerts");
                await OpenAsync(alerts[language], "alerts");
                operations[language] = await SignedInAsync("BE", "controlroom", language, "5-operations");
                await OpenAsync(operations[language], "operations");
            }

            await Expect(operations["fr"].Locator("[data-testid=simulate-speed]")).ToHaveValueAsync("4");
            await operations["fr"].ClickAsync("[data-testid=simulate-e19-antwerpen-breda]");
            await operations["fr"].WaitForURLAsync("**/operations/*");
            var operationPath = new Uri(operations["fr"].Url).AbsolutePath.TrimStart('/');
            await OpenAsync(operations["nl"], operationPath);

            foreach (var language in Languages)
            {
                await MissionGuideAsync(await SignedInAsync("BE", "officer", language, "1-mission-guide"), language);
                await AuditLogAsync(await SignedInAsync("BE", "dpo", language, "2-audit-log"));
                await UsersAsync(await SignedInAsync("BE", "admin", language, "3-users"), language);
                await ExchangeAsync(await SignedInAsync("BE", "controlroom", language, "4-exchange"));
            }

            // The replay at the default speed-up reaches Meer–Hazeldonk within a few minutes of wall-clock time.
            foreach (var language in Languages)
            {
                await Expect(alerts[language].Locator("[data-testid=alert-card]").First).ToBeVisibleAsync(new() { Timeout = 420_000 });
            }

            // The card's own button: the crisis banner of a seeded request above it has an acknowledge button too.
            await alerts["nl"].Locator("[data-testid=alert-card] button.btn-primary").First.ClickAsync();
            await Expect(alerts["fr"].Locator("[data-testid=alert-acknowledged]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            foreach (var language in Languages)
            {
                await Expect(operations[language].Locator("[data-testid=timeline] [data-kind=acknowledged]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            }

            foreach (var language in Languages)
            {
                await HotlistAsync(await SignedInAsync("NL", "liaison", language, "7-hotlist"));
                var hits = await SignedInAsync("BE", "controlroom", language, "7-hits");
                await OpenAsync(hits, "anpr/hits");
                // Every fortieth read at two a second is a listed vehicle: one every twenty seconds.
                await Expect(hits.Locator("[data-testid=hit-row]").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
                // The demo's long camera names once pushed the acknowledge button out of the board's right edge.
                var inside = await hits.EvaluateAsync<bool>("""
                    () => [...document.querySelectorAll('[data-testid=hit-acknowledge]')].every((b) =>
                      b.getBoundingClientRect().right <= b.closest('table').parentElement.getBoundingClientRect().right + 1)
                    """);
                inside.ShouldBeTrue("an acknowledge button on the hit board lies outside the board");
            }

            var problems = new List<string>();
            foreach (var (language, step, page) in pages)
            {
                problems.AddRange(EnglishLeaks.For(language).In(await EnglishLeaks.SeenAsync(page)).Distinct().Select(p => $"{language} {step}: {p}"));
            }

            problems.ShouldBeEmpty();
        }
        finally
        {
            // Kept whether the walk got through or not: a failed step is easiest read from the pages as they were.
            foreach (var (language, step, page) in pages)
            {
                await ConsoleSteps.KeepScreenshotAsync(page, $"readme-{step}-{language}");
            }

            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
    }

    // 1. Mission guide: hot pursuit into the Netherlands, with its legal basis and the points marked for legal review.
    private static async Task MissionGuideAsync(IPage page, string language)
    {
        await OpenAsync(page, "mission-guide");
        await page.SelectOptionAsync("[data-testid=mission-select]", "hot-pursuit");
        await page.ClickAsync("[data-testid=host-NL]");
        await Expect(page.Locator("[data-testid=rule-card]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=rule-verify]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=rule-card]").First).ToContainTextAsync(language == "nl" ? "politieverdrag" : "Traité");
    }

    // 2. Audit log: verify the chain, export the filtered log.
    private static async Task AuditLogAsync(IPage page)
    {
        await OpenAsync(page, "audit");
        await page.ClickAsync("[data-testid=audit-verify]");
        await Expect(page.Locator("[data-testid=audit-verification]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-ok"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=audit-export]"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("auth.login");
    }

    // 3. Users: create one.
    private static async Task UsersAsync(IPage page, string language)
    {
        await OpenAsync(page, "users");
        var username = $"agent-{language}";
        await page.FillAsync("[data-testid=create-username]", username);
        var form = page.Locator("[data-testid=user-create]");
        await form.Locator("input").Nth(1).FillAsync(language == "nl" ? "Agent Janssens" : "Agent Dupont");
        await form.Locator("input").Nth(2).FillAsync("ZP Antwerpen");
        await form.Locator("input[type=checkbox]").First.CheckAsync();
        await form.Locator("input[type=password]").FillAsync("Walkthrough-2026-secret!");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator($"[data-testid=user-{username}]")).ToBeVisibleAsync();
    }

    // 4. Exchange: ping the Dutch node, open a message's signed envelope and receipt.
    private static async Task ExchangeAsync(IPage page)
    {
        await OpenAsync(page, "exchange");
        await page.ClickAsync("[data-testid=ping-NL]");
        await Expect(page.Locator("[data-testid=ping-result-NL]")).ToContainTextAsync("ms");
        await page.Locator("[data-testid=exchange-messages] button[data-testid^=envelope-]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=envelope-panel]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=receipt-json]")).ToContainTextAsync("Accepted");
    }

    // 7. ANPR hotlist as the liaison officer: a dry run of a CSV import.
    private static async Task HotlistAsync(IPage page)
    {
        await OpenAsync(page, "anpr/hotlist");
        await page.FillAsync("[data-testid=hotlist-csv]", "plate,category,validFrom\nXR-528-D,stolen-vehicle,2026-01-01T00:00:00Z\n");
        await page.ClickAsync("[data-testid=hotlist-dry-run]");
        await Expect(page.Locator("[data-testid=hotlist-report]")).ToBeVisibleAsync();
    }
}
