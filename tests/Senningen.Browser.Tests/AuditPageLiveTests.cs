using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Senningen.Contracts.Audit;
using Senningen.Contracts.Exchange;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Audit.Witness;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Audit.Witness.Data;
using Senningen.Node.Features.Audit.Witness.Messages;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The DPO's audit page stays open while things happen: the Netherlands refuse a Belgian head (one with Belgium's real
/// key but another root at the size they hold, as a rewritten log would have), and the Belgian log grows. The alarm and
/// the new size must reach the open page through the circuit, in its language, without a reload.
/// </summary>
public sealed class AuditPageLiveTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    // The change feed redraws at once; the slack is for a CI machine running test assemblies side by side.
    private static readonly TimeSpan AlarmWithin = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    public async Task PartnerRefusesAHead_AlarmAndGrownTreeReachTheOpenAuditPage_InItsLanguage_WithoutReload(string language)
    {
        var texts = AuditPage.Texts(language);
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var belgium = network["BE"];
        var netherlands = network["NL"];
        using var api = await belgium.SignedInAsync("dpo");
        await belgium.AuditIntegratedAsync();
        (await api.PostAsync("api/v1/audit/tree-heads/publish", null, Ct)).EnsureSuccessStatusCode();
        await UntilAsync(belgium, db => db.HeadConfirmations.AnyAsync(Ct), "the Netherlands confirmed the Belgian head");
        var held = await QueryAsync(netherlands, db => db.WitnessedHeads.SingleAsync(Ct));

        await using var dpo = await AuditPage.OpenAsync(browser, belgium, "dpo", language);
        var page = await AuditPage.GoAsync(dpo);
        await using var dutchDpo = await AuditPage.OpenAsync(browser, netherlands, "dpo", language);
        var dutchPage = await AuditPage.GoAsync(dutchDpo);
        await using var officer = await AuditPage.OpenAsync(browser, belgium, "officer", language);
        var officerPage = await AuditPage.GoAsync(officer, "");
        foreach (var open in new[] { page, dutchPage, officerPage })
        {
            await open.EvaluateAsync("() => window.__opened = true");
        }

        // The log grows after the page opened (the page's own search, this API search): the card follows.
        (await api.GetAsync("api/v1/audit/entries", Ct)).EnsureSuccessStatusCode();
        var grownTo = await belgium.AuditIntegratedAsync();
        var clock = Stopwatch.StartNew();
        await UntilShownAsync(page.Locator("[data-testid=audit-tree-size]"), size => size >= grownTo, TimeSpan.FromSeconds(3));
        TestContext.Current.SendDiagnosticMessage($"{language}: head of {grownTo} shown {clock.ElapsedMilliseconds} ms after it was signed");
        await Expect(page.Locator("[data-testid=audit-tree-lag]")).ToHaveTextAsync(texts["audit.tree.lag-none"]);

        using (var belgianKey = NodeKeyStore.LoadOrCreate(belgium.DataDirectory, null, null))
        {
            var rewritten = TreeHeadSignatures.Sign(new TreeHead("BE", held.Size, RandomNumberGenerator.GetBytes(32),
                DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), belgianKey);
            await SendToTheNetherlandsAsync(netherlands, belgianKey, new TreeHeadPayload(rewritten, held.Size, []));
        }

        await UntilAsync(belgium, db => db.WitnessAlarms.AnyAsync(Ct), "the Netherlands' signed refusal reached Belgium");
        clock.Restart();
        var banner = page.Locator("[data-testid=witness-alarm-banner]");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = (float)AlarmWithin.TotalMilliseconds });
        TestContext.Current.SendDiagnosticMessage($"{language}: alarm on the open page {clock.ElapsedMilliseconds} ms after it was stored");
        var rule = texts[$"witness.rule.{WitnessRules.RootChanged}"];
        await Expect(banner.Locator("strong")).ToHaveTextAsync(AuditPage.Shape(texts["witness.banner-title"], "1"));
        await Expect(banner.Locator("li")).ToContainTextAsync($"{texts["country.NL"]}: {rule}");
        await Expect(banner.Locator("[data-testid=witness-alarm-open]")).ToHaveTextAsync(texts["witness.banner-open"]);
        await Expect(page.Locator("[data-testid=witness-alarm] strong")).ToHaveTextAsync($"{texts["country.NL"]}: {rule}");
        await Expect(page.Locator("[data-testid=witness-alarm-acknowledge]")).ToHaveTextAsync(texts["witness.acknowledge"]);
        await Expect(page.Locator("[data-testid=witness] h3").First).ToHaveTextAsync(texts["witness.alarms"]);
        await Expect(page.Locator("[data-testid=witness-confirmation]")).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, texts["witness.refused"], rule));

        // The refusing side tells its own DPO too, on the page open there.
        var dutchBanner = dutchPage.Locator("[data-testid=witness-alarm-banner]");
        await Expect(dutchBanner).ToBeVisibleAsync(new() { Timeout = (float)AlarmWithin.TotalMilliseconds });
        await Expect(dutchBanner.Locator("li")).ToContainTextAsync($"{texts["country.BE"]}: {rule}");

        // The alarm is the DPO's: an officer's page, open while it arrived, shows nothing of it.
        await officerPage.WaitForTimeoutAsync(500);
        await Expect(officerPage.Locator("[data-testid=witness-alarm-banner]")).ToHaveCountAsync(0);

        foreach (var open in new[] { page, dutchPage, officerPage })
        {
            (await open.EvaluateAsync<bool>("() => window.__opened === true")).ShouldBeTrue("the page was reloaded");
        }

        (await AuditPage.ProblemsAsync(page, language)).ShouldBeEmpty();
        (await AuditPage.ProblemsAsync(dutchPage, language)).ShouldBeEmpty();
        await ConsoleSteps.KeepScreenshotAsync(page, $"audit-witness-alarm-{language}");
    }

    /// <summary>Posts a tree head to the Dutch inbox as the Belgian node sends it: an envelope signed with Belgium's exchange key.</summary>
    private static async Task SendToTheNetherlandsAsync(TestNode netherlands, NodeSigningKey belgianKey, TreeHeadPayload payload)
    {
        var at = WireMapping.Truncate(DateTimeOffset.UtcNow);
        var e = new MessageEnvelope(Guid.CreateVersion7(at), Guid.CreateVersion7(at), 1, TreeHeadPayload.Type, 1, CountryCode.Belgium,
            CountryCode.Netherlands, at, at.AddHours(1), null, JsonSerializer.Serialize(payload, WireMapping.Json));
        var wire = new EnvelopeWire(e.Id, e.ConversationId, e.Sequence, e.Type, e.Version, "BE", "NL", e.CreatedAt.ToUnixTimeMilliseconds(),
            e.ExpiresAt.ToUnixTimeMilliseconds(), null, e.Payload, belgianKey.KeyId, Es256.Sign(belgianKey.Key, CanonicalForm.Of(e)));
        using var client = netherlands.Anonymous();
        using var response = await client.PostAsJsonAsync("exchange/v1/inbox", wire, WireMapping.Json, Ct);
        response.EnsureSuccessStatusCode();
        (await response.Content.ReadFromJsonAsync<ReceiptWire>(WireMapping.Json, Ct))!.Status.ShouldBe("Accepted");
    }

    /// <summary>Waits until the number <paramref name="shown"/> shows meets <paramref name="enough"/>, reading it as the page changes.</summary>
    private static async Task UntilShownAsync(ILocator shown, Func<long, bool> enough, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        string text;
        while (!long.TryParse(text = await shown.InnerTextAsync(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !enough(value))
        {
            clock.Elapsed.ShouldBeLessThan(within, $"the open page still shows {text}");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task UntilAsync(TestNode node, Func<SenningenDbContext, Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await QueryAsync(node, condition))
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), $"waited in vain until {what}");
            await Task.Delay(20, Ct);
        }
    }

    private static async Task<T> QueryAsync<T>(TestNode node, Func<SenningenDbContext, Task<T>> query)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SenningenDbContext>());
    }
}
