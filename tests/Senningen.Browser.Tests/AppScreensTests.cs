using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// Every screen of the officer's app in the four languages on a 360 px phone: no serious or critical accessibility
/// violation (axe-core), no horizontal scrolling, nothing a narrow screen cuts or breaks (the language selector shows its
/// whole value, a language tag stays on one line, no icon depends on an emoji font the phone may lack), and a screenshot
/// of each kept as a test artefact.
/// </summary>
public sealed class AppScreensTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    // Runs in the page: each fault found on a 360 px screen, described for the test's message.
    private const string NarrowLayoutFaults = """
        () => {
          const faults = [];
          const select = document.querySelector('#language');
          const option = select.options[select.selectedIndex];
          const probe = document.createElement('span');
          probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
          probe.style.font = getComputedStyle(select).font;
          probe.textContent = option.textContent;
          document.body.append(probe);
          const style = getComputedStyle(select);
          const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
          if (probe.getBoundingClientRect().width > room) {
            faults.push(`language selector cuts "${option.textContent}" (${Math.round(room)} px for ${Math.round(probe.getBoundingClientRect().width)} px)`);
          }
          probe.remove();
          for (const element of document.querySelectorAll('main *')) {
            const texts = [...element.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim() !== '');
            const own = texts.map((n) => n.textContent.trim()).join('');
            if (!/^(NL|FR|DE|EN)$/.test(own)) {
              continue;
            }
            const range = document.createRange();
            range.setStart(texts[0], 0);
            range.setEnd(texts[texts.length - 1], texts[texts.length - 1].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
            if (lines > 1) {
              faults.push(`language tag "${own}" breaks over ${lines} lines`);
            }
          }
          const pictographs = document.body.innerText.match(/\p{Extended_Pictographic}/gu);
          if (pictographs) {
            faults.push(`text relies on an emoji font: ${[...new Set(pictographs)].join(' ')}`);
          }
          return faults;
        }
        """;

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("en")]
    public async Task EveryScreen_InTheLanguage_IsAccessible_FitsThePhone_AndIsKeptAsAScreenshot(string language)
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node, $"{language}-BE", (50.8514, 5.6910));
        var page = await AppSteps.SignInAsync(context, "officer", language);
        var problems = new List<string>();

        foreach (var screen in new[] { "guide", "where", "phrases", "actions" })
        {
            await AppSteps.OpenAsync(page, screen);
            if (screen == "where")
            {
                await Expect(page.Locator("[data-testid=where-country]")).ToHaveAttributeAsync("data-country", "NL");
            }

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            var axe = await page.RunAxe();
            problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{screen}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (scrollWidth > 360)
            {
                problems.Add($"{screen}: scrolls sideways ({scrollWidth} px)");
            }

            problems.AddRange((await page.EvaluateAsync<string[]>(NarrowLayoutFaults)).Select(fault => $"{screen}: {fault}"));

            await ConsoleSteps.KeepScreenshotAsync(page, $"app-{screen}-{language}");
        }

        problems.ShouldBeEmpty();
    }
}
