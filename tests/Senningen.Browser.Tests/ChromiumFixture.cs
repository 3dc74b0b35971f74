using Microsoft.Playwright;

namespace Senningen.Browser.Tests;

/// <summary>
/// One headless Debian Chromium per test class, driven through the Playwright driver bundled in the NuGet
/// package (no browser download). Each test opens its own context, so cookies never leak between tests.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    // Without the background-networking flags Chromium keeps dialling Google, which a closed CI network refuses.
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        // A missing Chromium is reported by each test (skip locally, fail under SENNINGEN_REQUIRE_INFRA=1), not here.
        if (!File.Exists(Infrastructure.ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Infrastructure.ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A fresh context (own cookies) on <paramref name="node"/>, in English unless told otherwise.</summary>
    public async Task<IBrowserContext> NewContextAsync(TestNode node, int width = 1280, int height = 900)
    {
        Infrastructure.RequireChromium();
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = node.BaseUrl.ToString(),
            Locale = "en-GB",
            ViewportSize = new() { Width = width, Height = height },
        });
        // Generous: CI runs the test assemblies side by side on two cores, and a circuit may start slowly there.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return context;
    }

    /// <summary>
    /// A phone (360 × 740, touch) on <paramref name="node"/> in <paramref name="locale"/>, allowed to read the position,
    /// placed at <paramref name="position"/> when given: the officer's app under test.
    /// </summary>
    public async Task<IBrowserContext> NewPhoneContextAsync(TestNode node, string locale = "en-GB", (double Lat, double Lon)? position = null)
    {
        Infrastructure.RequireChromium();
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = node.BaseUrl.ToString(),
            Locale = locale,
            ViewportSize = new() { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            Permissions = ["geolocation"],
            Geolocation = position is { } p ? new Geolocation { Latitude = (float)p.Lat, Longitude = (float)p.Lon, Accuracy = 10 } : null,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
