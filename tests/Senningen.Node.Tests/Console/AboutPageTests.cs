using Senningen.Core.Treaty;
using Microsoft.Extensions.DependencyInjection;

namespace Senningen.Node.Tests.Console;

public sealed class AboutPageTests
{
    [Fact]
    public async Task About_SignedIn_ShowsCatalogueVersionAndThirdPartyLicences()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "admin");
        var version = node.Services.GetRequiredService<TreatyCatalogue>().Version;

        var html = await session.GetPageAsync("/about");

        html.ShouldContain(version[..12]);
        html.ShouldContain("Npgsql</td><td class=\"mono\">PostgreSQL");
        html.ShouldContain("OpenTelemetry .NET</td><td class=\"mono\">Apache-2.0");
        html.ShouldContain("Leaflet</td><td class=\"mono\">BSD-2-Clause");
    }

    [Fact]
    public async Task About_SignedIn_ShowsTheGeographicDataSourcesWithLicenceAndAttribution()
    {
        await using var node = await TestNode.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(node, "admin");

        var html = await session.GetPageAsync("/about");

        html.ShouldContain("data-testid=\"geo-data\"");
        html.ShouldContain("OpenStreetMap contributors");
        html.ShouldContain("<td class=\"mono\">ODbL-1.0</td>");
        html.ShouldContain("<td class=\"mono\">CC-BY-4.0</td>");
        html.ShouldContain("mathiasleroy");
        html.ShouldContain("placeholders");
    }
}
