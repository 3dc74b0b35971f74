namespace Senningen.Node.Tests.Console.Map;

/// <summary>Leaflet, fetched from npm at build time, and the map's module are served by a running node.</summary>
public sealed class FrontEndAssetsTests
{
    [Theory]
    [InlineData("lib/leaflet/leaflet.js", "javascript")]
    [InlineData("lib/leaflet/leaflet.css", "text/css")]
    [InlineData("lib/leaflet/images/marker-icon.png", "image/png")]
    [InlineData("js/livemap.js", "javascript")]
    public async Task Get_FrontEndAsset_IsServedWithItsContentType(string path, string contentType)
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBeNull().ShouldContain(contentType);
    }

    [Fact]
    public async Task Get_LeafletLicence_ShipsNextToLeaflet()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();

        var licence = await client.GetStringAsync("lib/leaflet/LICENSE", TestContext.Current.CancellationToken);

        licence.ShouldContain("BSD 2-Clause License");
    }
}
