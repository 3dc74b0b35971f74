using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Senningen.Testing;

namespace Senningen.Bench.AppLoad;

/// <summary>
/// Suite <c>app-load</c> (issue 8): the officer's app's first load on a phone over DevTools' "Fast 3G" profile
/// (latency 562.5 ms, 180 KB/s down, 84 KB/s up), from navigation to the sign-in button being enabled, in a fresh
/// Chromium context each time (nothing cached). Peer in the same run, alternating with it: the console's sign-in
/// page under the same throttling. Also the offline bundle's size per language as the node sends it (Brotli and
/// gzip). Floors: interactive under 3 s (median), bundle under 2 MB compressed.
/// </summary>
internal static class AppLoadSuite
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly string[] LaunchArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(7);
        await using var node = await TestNode.StartAsync(country: "BE");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Infrastructure.ChromiumPath, Args = LaunchArgs });

        // The node's first answers (static asset endpoints, JIT) are not what a phone on 3G waits for.
        await MeasureAsync(browser, node, "app/index.html", "[data-testid=sign-in] button[type=submit]", throttle: false);
        await MeasureAsync(browser, node, "login", "form[action='/account/login'] button[type=submit]", throttle: false);
        var app = new List<double>();
        var console = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            app.Add(await MeasureAsync(browser, node, "app/index.html", "[data-testid=sign-in] button[type=submit]", throttle: true));
            console.Add(await MeasureAsync(browser, node, "login", "form[action='/account/login'] button[type=submit]", throttle: true));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i + 1}: app {app[^1]:F0} ms, console sign-in {console[^1]:F0} ms"));
        }

        var bundles = new Dictionary<string, object>();
        using var client = await node.SignedInAsync("officer");
        foreach (var language in new[] { "nl", "fr", "de", "en" })
        {
            var sizes = new Dictionary<string, long>();
            foreach (var encoding in new[] { "br", "gzip", "identity" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/app/bundle?lang={language}");
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
                sizes[encoding] = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            }

            bundles[language] = sizes;
        }

        var appMedian = Median(app);
        var consoleMedian = Median(console);
        var worstBundle = bundles.Values.Cast<Dictionary<string, long>>().Max(s => Math.Min(s["br"], s["gzip"]));
        var result = new
        {
            suite = "app-load",
            ranAt = DateTimeOffset.UtcNow,
            machine = new { cores = Environment.ProcessorCount, loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "" },
            profile = new { name = "Fast 3G (Chrome DevTools)", latencyMs = 562.5, downloadKBps = 180, uploadKBps = 84 },
            units = "milliseconds from navigation (fresh context, empty cache) to the sign-in button enabled; bundle sizes in bytes as sent",
            runs,
            app = new { medianMs = appMedian, minMs = app.Min(), maxMs = app.Max(), all = app },
            peerConsoleSignIn = new { medianMs = consoleMedian, minMs = console.Min(), maxMs = console.Max(), all = console },
            ratio = new { medianAppOverConsole = Math.Round(appMedian / consoleMedian, 2) },
            bundles,
            floor = new
            {
                interactive = "median first load to interactive < 3000 ms", interactiveMet = appMedian < 3000,
                bundle = "offline bundle < 2 MB compressed", worstBundleBytes = worstBundle, bundleMet = worstBundle < 2 * 1024 * 1024,
            },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"app-load: app median {appMedian:F0} ms, console sign-in median {consoleMedian:F0} ms (ratio {appMedian / consoleMedian:F2}); worst bundle {worstBundle} B; written {resultPath}"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<double> MeasureAsync(IBrowser browser, TestNode node, string path, string interactiveWhen, bool throttle)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = node.BaseUrl.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        });
        var page = await context.NewPageAsync();
        if (throttle)
        {
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 562.5, ["downloadThroughput"] = 180 * 1024, ["uploadThroughput"] = 84 * 1024,
            });
        }

        var started = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator(interactiveWhen).WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        await page.WaitForFunctionAsync($"() => !document.querySelector(\"{interactiveWhen.Replace("\"", "\\\"", StringComparison.Ordinal)}\").disabled");
        return Math.Round(started.Elapsed.TotalMilliseconds, 1);
    }
}
