using System.Net.Http.Json;
using Microsoft.Playwright;
using Senningen.Contracts.Operations;
using Senningen.Contracts.Requests;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// Every printable page prints on A4 with its own print stylesheet (issue 21): Chromium prints the after-action report
/// in Dutch and a request form in French to PDF; each fits in a few pages, carries its text in the chosen language and
/// none of the console around it. The PDFs are kept next to the screenshots.
/// </summary>
public sealed class PrintoutTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterActionReport_InDutch_PrintsOnOneToThreeA4Pages_WithItsDutchHeadings_AndNoConsole()
    {
        await using var node = await TestNode.StartAsync();
        using var officer = await node.SignedInAsync("officer");
        var operation = await PursuitAlertTests.StartPursuitAsync(officer);
        await PursuitAlertTests.DriveUntilCrossingAsync(officer, operation.Id);
        (await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("apprehended", "Handed over"), Ct))
            .EnsureSuccessStatusCode();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "nl");

        await page.GotoAsync($"operations/{operation.Id}/report");
        // The live circuit renders the page a second time after the prerender; print what it settled on.
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=report] h1")).ToBeVisibleAsync();
        // The print button had the focus: paper shows no focus box.
        await page.Locator("[data-testid=report] .no-print").FocusAsync();
        var text = await PrintAsync(page, "report-nl");

        text.Pages.ShouldBeInRange(1, 3, "the report used to print one word per line over ten pages");
        text.All.ShouldContain("Grensoverschrijdingen");
        text.All.ShouldContain("Meldingen en bevestigingen");
        text.All.ShouldContain("Tijdlijn");
        text.All.ShouldContain("Ram raid on a jeweller");
        text.All.ShouldNotContain("Afdrukken");
        text.All.ShouldNotContain("Afmelden", customMessage: "the top bar is not printed");
        text.All.ShouldNotContain("Missiegids", customMessage: "the navigation is not printed");
        text.Widest.ShouldBeGreaterThan(400, "the content spans the page, not a 220 px column");
    }

    [Fact]
    public async Task RequestForm_InFrench_PrintsOnOneToThreeA4Pages_InFrench()
    {
        // A request needs a partner to address: the Dutch node is there only for that.
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var node = network["BE"];
        using var officer = await node.SignedInAsync("officer");
        var request = await RequestSteps.DraftMaterialLoanAsync(officer, "BE-2026-0902");
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");

        await page.GotoAsync($"requests/{request.Summary.Id}/print?lang=fr");
        await Expect(page.Locator("[data-testid=request-form]")).ToHaveAttributeAsync("lang", "fr");
        var text = await PrintAsync(page, "request-form-fr");

        text.Pages.ShouldBeInRange(1, 3);
        text.All.ShouldContain("Demande de coopération policière");
        text.All.ShouldContain("Base juridique");
        text.All.ShouldContain("Water cannon vehicle");
        text.All.ShouldNotContain("Imprimer", customMessage: "the print button is not printed");
    }

    private sealed record PdfText(int Pages, string All, double Widest);

    /// <summary>Prints the page to an A4 PDF as Chromium's print dialog would, keeps it, and reads it back.</summary>
    private static async Task<PdfText> PrintAsync(IPage page, string name)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        await ConsoleSteps.KeepFileAsync(name + ".pdf", pdf);
        // The print rendering at A4's width as a picture too (the README shows it; a PDF does not show in a README).
        await page.SetViewportSizeAsync(794, 1123);
        await ConsoleSteps.KeepScreenshotAsync(page, name + "-print");
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        // Words joined with spaces so a phrase can be found across the PDF's own word boundaries.
        var all = string.Join(' ', pages.Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
        // The widest line of text on any page, in points (A4 is 595 wide): a squeezed column stays under 200.
        var widest = pages.SelectMany(p => p.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .Select(line => line.Max(w => w.BoundingBox.Right) - line.Min(w => w.BoundingBox.Left))).DefaultIfEmpty(0).Max();
        return new PdfText(pages.Count, all, widest);
    }
}
