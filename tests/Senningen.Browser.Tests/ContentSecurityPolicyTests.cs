using System.Net.Http.Json;
using Microsoft.Playwright;
using Senningen.Contracts.Operations;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The console and the officer's app run under the node's Content-Security-Policy without a single violation in Chromium:
/// every <c>securitypolicyviolation</c> event and every "Refused to …" console line is recorded, and none is allowed.
/// Each test ends by provoking one violation on purpose, so a recorder that hears nothing fails the test.
/// </summary>
public sealed class ContentSecurityPolicyTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] ConsolePages =
        ["", "alerts", "operations", "requests", "requests/new", "anpr/hits", "anpr/search", "exchange", "consultation", "mission-guide", "about"];

    private static readonly string[] AppScreens = ["guide", "where", "phrases", "actions"];

    [Fact]
    public async Task ConsolePages_LoadWithoutAPolicyViolation()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var violations = await RecordViolationsAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("login");
        await ConsoleSteps.SignInAsync(page, "controlroom");

        foreach (var path in ConsolePages)
        {
            await page.GotoAsync(path);
            await ConsoleSteps.WaitUntilInteractiveAsync(page);
            if (path == "alerts")
            {
                await Expect(page.GetByTestId("live-map")).ToHaveAttributeAsync("data-base-map", "drawn");
            }
        }

        await page.GotoAsync("api-reference");
        await Expect(page.GetByText("Senningen node API").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await ExpectNoneButTheProvokedOneAsync(page, violations);
    }

    [Fact]
    public async Task OfficersApp_LoadsWithoutAPolicyViolation()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewPhoneContextAsync(node, position: (51.2194, 4.4025));
        var violations = await RecordViolationsAsync(context);
        var page = await AppSteps.SignInAsync(context, "officer");

        foreach (var screen in AppScreens)
        {
            await AppSteps.OpenAsync(page, screen);
        }

        await ExpectNoneButTheProvokedOneAsync(page, violations);
    }

    [Fact]
    public async Task ReportPrintButton_WorksWithoutAnInlineHandler()
    {
        await using var node = await TestNode.StartAsync();
        using var officer = await node.SignedInAsync("officer");
        var operation = await PursuitAlertTests.StartPursuitAsync(officer);
        (await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("apprehended", "Handed over"),
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await using var context = await browser.NewContextAsync(node);
        var violations = await RecordViolationsAsync(context);
        await context.AddInitScriptAsync("window.print = () => { document.documentElement.dataset.printed = 'yes'; };");
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");

        await page.GotoAsync($"operations/{operation.Id}/report");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=report] [data-print]").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-printed", "yes");
        await ExpectNoneButTheProvokedOneAsync(page, violations);
    }

    private static async Task<List<string>> RecordViolationsAsync(IBrowserContext context)
    {
        var violations = new List<string>();
        await context.ExposeBindingAsync("__senningenCspViolation", (BindingSource source, string text) =>
        {
            lock (violations)
            {
                violations.Add($"{source.Page?.Url}: {text}");
            }
        });
        await context.AddInitScriptAsync("""
            window.__senningenCspSeen = [];
            document.addEventListener('securitypolicyviolation', e => {
              const text = `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`;
              window.__senningenCspSeen.push(text);
              window.__senningenCspViolation(text);
            });
            """);
        context.Page += (_, page) => page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: console: {message.Text}");
                }
            }
        };
        return violations;
    }

    private static async Task ExpectNoneButTheProvokedOneAsync(IPage page, List<string> violations)
    {
        string[] seen;
        lock (violations)
        {
            seen = [.. violations];
        }

        seen.ShouldBeEmpty();

        // An image from another host is refused by img-src: the recorder must hear it.
        await page.EvaluateAsync("() => { const i = new Image(); i.src = 'https://tiles.invalid/provoked.png'; document.body.append(i); }");
        await page.WaitForFunctionAsync("() => window.__senningenCspSeen.some(v => v.includes('tiles.invalid'))");
    }
}
