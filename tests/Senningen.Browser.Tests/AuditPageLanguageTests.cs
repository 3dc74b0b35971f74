using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Senningen.Contracts.Audit;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The DPO's audit page in Dutch and French, against two real nodes: the tree-head card and the witness section say
/// everything in the page's language and show the head the API serves. The live half lives in
/// <see cref="AuditPageLiveTests"/>.
/// </summary>
public sealed class AuditPageLanguageTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    public async Task DpoAuditPage_InTheDposLanguage_ShowsTheTreeCardAndWitnessesInIt_WithTheHeadTheApiServes(string language)
    {
        var texts = AuditPage.Texts(language);
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var belgium = network["BE"];
        using var api = await belgium.SignedInAsync("dpo");
        // The Netherlands publish their head first, so the Belgian page has a held head to show as well as a verdict.
        using var dutchDpo = await network["NL"].SignedInAsync("dpo");
        await network["NL"].AuditIntegratedAsync();
        (await dutchDpo.PostAsync("api/v1/audit/tree-heads/publish", null, Ct)).EnsureSuccessStatusCode();

        await using var context = await AuditPage.OpenAsync(browser, belgium, "dpo", language);
        var page = await AuditPage.GoAsync(context);
        await page.ClickAsync("[data-testid=witness-publish]");

        await Expect(page.Locator("[data-testid=witness-published]")).ToHaveTextAsync(AuditPage.Shape(texts["witness.published"], @"\d+", Regex.Escape(texts["country.NL"])));
        await Expect(page.Locator("[data-testid=witness-confirmation]")).ToContainTextAsync(texts["witness.consistent"]);
        await Expect(page.Locator("[data-testid=witness-held-head]")).ToContainTextAsync(texts["country.NL"]);

        // Everything the page, the publication and the verdict wrote is in the tree: the card shows the API's head.
        await belgium.AuditIntegratedAsync();
        var latest = (await api.GetFromJsonAsync<SignedTreeHead>("api/v1/audit/tree-heads/latest", Ct))!;
        var card = page.Locator("[data-testid=audit-tree]");
        await Expect(card.Locator("[data-testid=audit-tree-size]")).ToHaveTextAsync(latest.Size.ToString(CultureInfo.InvariantCulture));
        await Expect(card.Locator("[data-testid=audit-tree-root]")).ToHaveAttributeAsync("title", latest.RootHash);
        await Expect(card.Locator("[data-testid=audit-tree-root]")).ToHaveTextAsync(latest.RootHash[..16] + "…");
        await Expect(card.Locator("[data-testid=audit-tree-lag]")).ToHaveTextAsync(texts["audit.tree.lag-none"]);
        await Expect(page.Locator("[data-testid=witness-own-head]")).ToContainTextAsync(latest.RootHash[..16]);

        await Expect(card.Locator("h2")).ToHaveTextAsync(texts["audit.tree.title"]);
        await Expect(card.Locator("dt")).ToHaveTextAsync(new[] { "audit.tree.size", "audit.tree.root", "audit.tree.time", "audit.tree.key" }.Select(k => texts[k]).ToArray());
        var witness = page.Locator("[data-testid=witness]");
        await Expect(witness.Locator("h2")).ToHaveTextAsync(texts["witness.title"]);
        await Expect(witness.Locator("h3")).ToHaveTextAsync(texts["witness.own-head"]);
        await Expect(witness.Locator("[data-testid=witness-publish]")).ToHaveTextAsync(texts["witness.publish"]);
        await Expect(witness.Locator("caption")).ToHaveTextAsync([texts["witness.confirmations"], texts["witness.held"]]);
        await Expect(witness.Locator("[data-testid=witness-confirmations] th")).ToHaveTextAsync(
            new[] { "witness.col.partner", "witness.col.size", "witness.col.root", "witness.col.stated", "witness.col.verdict" }.Select(k => texts[k]).ToArray());
        await Expect(witness.Locator("[data-testid=witness-held] th")).ToHaveTextAsync(
            new[] { "witness.col.partner", "witness.col.size", "witness.col.root", "witness.col.time", "witness.col.received" }.Select(k => texts[k]).ToArray());

        (await AuditPage.ProblemsAsync(page, language)).ShouldBeEmpty();
        await ConsoleSteps.KeepScreenshotAsync(page, $"audit-tree-witness-{language}");
    }
}

/// <summary>Opening the DPO's audit page in a language, and what of it is not in that language.</summary>
internal static partial class AuditPage
{
    /// <summary>The texts table of <paramref name="language"/>, to compare the page with.</summary>
    public static IReadOnlyDictionary<string, string> Texts(string language) => EnglishLeaks.Table(language);

    /// <summary>A text of the table as a whole-text pattern, its placeholders filled by the patterns <paramref name="fills"/>.</summary>
    public static Regex Shape(string template, params string[] fills) =>
        new(@"^\s*" + string.Concat(Regex.Split(template.Trim(), @"(\{\d+\})").Select(part =>
            Regex.Match(part, @"^\{(\d+)\}$") is { Success: true } m ? fills[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] : Regex.Escape(part))) + @"\s*$");

    /// <summary>A context signed in as <paramref name="username"/> in <paramref name="language"/> that records every text its pages show.</summary>
    public static async Task<IBrowserContext> OpenAsync(ChromiumFixture browser, TestNode node, string username, string language)
    {
        var context = await browser.NewContextAsync(node);
        await context.AddInitScriptAsync(EnglishLeaks.RecorderScript);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, username);
        await ConsoleSteps.SwitchLanguageAsync(page, language);
        await page.CloseAsync();
        return context;
    }

    public static async Task<IPage> GoAsync(IBrowserContext context, string path = "audit")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Every text the tree card, the witness section or the alarm banner ever showed that is English where the language
    /// has its own text, a raw text key, or a record the node wrote in English (the handlers' "refused under …").
    /// </summary>
    public static async Task<List<string>> ProblemsAsync(IPage page, string language)
    {
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
        var problems = EnglishLeaks.For(language).In(await EnglishLeaks.SeenAsync(page)).Distinct().ToList();
        foreach (var part in new[] { "[data-testid=audit-tree]", "[data-testid=witness]", "[data-testid=witness-alarm-banner]" })
        {
            foreach (var text in await page.Locator(part).AllInnerTextsAsync())
            {
                problems.AddRange(RawKey().Matches(text).Select(m => $"raw key in {part}: {m.Value}"));
                problems.AddRange(EnglishRecord().Matches(text).Select(m => $"English record in {part}: \"{m.Value}\""));
            }
        }

        return problems;
    }

    [GeneratedRegex(@"\b(audit|witness|country|rule)\.[a-z][a-z0-9.-]*")]
    private static partial Regex RawKey();

    [GeneratedRegex(@"(refused (under|this node)|head of \d+ entries|entries held)[^\n]*")]
    private static partial Regex EnglishRecord();
}
