using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Senningen.Node.Tests.Geo;

/// <summary>The console map's offline base layer as the node serves it: GeoJSON, small, cacheable by version, signed-in only.</summary>
public sealed class BaseMapApiTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "NL");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BaseMap_SignedIn_IsGeoJsonWithPlacesAndSchematicRoadsAndItsCredit()
    {
        using var officer = await _node.SignedInAsync("officer");

        using var response = await officer.GetAsync("api/v1/geo/base-map", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        bytes.Length.ShouldBeInRange(20_000, 300_000);
        using var json = JsonDocument.Parse(bytes);
        json.RootElement.GetProperty("attribution").GetString().ShouldNotBeNull().ShouldContain("GeoNames");
        json.RootElement.GetProperty("attribution").GetString().ShouldNotBeNull().ShouldContain("schematic");
        var features = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var places = features.Where(p => p.GetProperty("kind").GetString() == "place").ToList();
        var roads = features.Where(p => p.GetProperty("kind").GetString() == "road")
            .SelectMany(p => p.GetProperty("also").GetString()!.Split(" · ").Append(p.GetProperty("ref").GetString())).ToList();
        places.Count.ShouldBeInRange(300, 2_000);
        places.Select(p => p.GetProperty("name").GetString()).ShouldContain("Wasserbillig", "a Luxembourg border town, small but known to every officer");
        places.Select(p => p.GetProperty("country").GetString()).Distinct().ShouldBe(["BE", "NL", "LU", "DE", "FR"], ignoreOrder: true);
        // Every corridor the issue names, by its European or national number.
        foreach (var corridor in new[] { "E19", "E40", "E313", "E34", "E25", "E411", "A2", "A12", "A16", "A67", "A73", "A76", "A1 LU", "A3 LU", "A4 LU", "A6", "A13 LU" })
        {
            roads.ShouldContain(corridor);
        }
    }

    [Fact]
    public async Task BaseMap_AskedByVersion_IsCachedForAYear_AndAgainWithItsETagIs304()
    {
        using var officer = await _node.SignedInAsync("officer");
        using var unversioned = await officer.GetAsync("api/v1/geo/base-map", Ct);
        var etag = unversioned.Headers.ETag.ShouldNotBeNull();
        var version = etag.Tag.Trim('"');

        using var versioned = await officer.GetAsync($"api/v1/geo/base-map?v={version}", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/geo/base-map?v={version}");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await officer.SendAsync(request, Ct);

        unversioned.Headers.CacheControl!.NoCache.ShouldBeTrue();
        versioned.Headers.CacheControl!.Private.ShouldBeTrue();
        versioned.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        versioned.Headers.CacheControl.Extensions.ShouldContain(e => e.Name == "immutable");
        versioned.Headers.ETag.ShouldBe(etag);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BaseMap_AcceptingGzip_IsSentCompressedToAFractionOfItsSize()
    {
        using var officer = await _node.SignedInAsync("officer");
        var plain = await officer.GetByteArrayAsync("api/v1/geo/base-map", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/geo/base-map");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await officer.SendAsync(request, Ct);
        var compressed = await response.Content.ReadAsByteArrayAsync(Ct);
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        await gzip.CopyToAsync(unpacked, Ct);

        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        compressed.Length.ShouldBeLessThan(plain.Length / 4);
        unpacked.ToArray().ShouldBe(plain);
    }

    [Fact]
    public async Task BaseMap_WithoutCredentials_IsRefused()
    {
        using var client = _node.Anonymous();

        (await client.GetAsync("api/v1/geo/base-map", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
