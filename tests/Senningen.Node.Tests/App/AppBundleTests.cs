using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Senningen.Node.Tests.App;

/// <summary>The offline bundle of the officer's app on a Belgian node: what it holds, its version and cache headers, bad input, size.</summary>
public sealed class AppBundleTests : IAsyncLifetime
{
    private const int MaxCompressedBytes = 2 * 1024 * 1024;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "BE");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bundle_ForABelgianOfficer_HoldsTheBelgianRules_ContactsPhrasesAndOutlines_InTheirLanguage()
    {
        using var officer = await _node.SignedInAsync("officer");

        using var bundle = JsonDocument.Parse(await officer.GetStringAsync("api/v1/app/bundle?lang=de", Ct));
        var root = bundle.RootElement;

        root.GetProperty("language").GetString().ShouldBe("de");
        root.GetProperty("country").GetString().ShouldBe("BE");
        root.GetProperty("version").GetString()!.Length.ShouldBe(16);
        root.GetProperty("rules").EnumerateArray().ShouldAllBe(r => r.GetProperty("acting").GetString() == "BE");
        root.GetProperty("rules").EnumerateArray().ShouldContain(r => r.GetProperty("missionType").GetString() == "hot-pursuit" && r.GetProperty("host").GetString() == "NL");
        root.GetProperty("missionKinds").GetArrayLength().ShouldBe(7);
        root.GetProperty("missions").EnumerateArray().First(m => m.GetProperty("id").GetString() == "hot-pursuit").GetProperty("name").GetString().ShouldBe("Grenzüberschreitende Nacheile");
        root.GetProperty("texts").GetProperty("app.tab.where").GetString().ShouldBe("Wo bin ich");
        root.GetProperty("emergencyNumbers").GetProperty("LU").GetProperty("police").GetString().ShouldBe("113");
        root.GetProperty("phrases").EnumerateArray().First(p => p.GetProperty("id").GetString() == "under-arrest").GetProperty("texts").GetProperty("nl").GetString().ShouldBe("U bent aangehouden.");
        root.GetProperty("controlRooms").GetArrayLength().ShouldBeGreaterThan(20);
        root.GetProperty("outlines").GetProperty("countries").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Bundle_AskedAgainWithItsETag_Is304_AndAnotherLanguageHasAnotherETagOfTheSameVersion()
    {
        using var officer = await _node.SignedInAsync("officer");
        using var first = await officer.GetAsync("api/v1/app/bundle?lang=fr", Ct);
        first.Headers.CacheControl!.NoCache.ShouldBeTrue();
        first.Headers.CacheControl.Private.ShouldBeTrue();
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/app/bundle?lang=fr");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await officer.SendAsync(request, Ct);
        using var dutch = await officer.GetAsync("api/v1/app/bundle?lang=nl", Ct);

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        dutch.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        dutch.Headers.ETag.Tag.Split('-')[0].ShouldBe(etag.Tag.Split('-')[0]);
    }

    [Fact]
    public async Task Bundle_Compressed_IsUnderTwoMegabytes_InEveryLanguage()
    {
        using var officer = await _node.SignedInAsync("officer");
        foreach (var (language, encoding) in new[] { ("nl", "br"), ("fr", "br"), ("de", "gzip"), ("en", "gzip") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/app/bundle?lang={language}");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await officer.SendAsync(request, Ct);
            response.Content.Headers.ContentEncoding.ShouldBe([encoding]);
            (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBeLessThan(MaxCompressedBytes);
        }
    }

    [Fact]
    public async Task Bundle_WithAnUnknownLanguage_Is400NamingLang()
    {
        using var officer = await _node.SignedInAsync("officer");

        using var response = await officer.GetAsync("api/v1/app/bundle?lang=xx", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "lang" && e.Rule == "one-of");
    }

    [Fact]
    public async Task Bundle_NeedsASession_ButTheAppShellAndItsTextsDoNot()
    {
        using var anonymous = _node.Anonymous();

        (await anonymous.GetAsync("api/v1/app/bundle", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var texts = JsonDocument.Parse(await anonymous.GetStringAsync("api/v1/app/texts?lang=nl", Ct));
        texts.RootElement.GetProperty("texts").GetProperty("app.sign-in.title").GetString().ShouldBe("Aanmelden");
        texts.RootElement.GetProperty("texts").EnumerateObject().ShouldAllBe(p => p.Name.StartsWith("app.", StringComparison.Ordinal));
        (await anonymous.GetAsync("app/index.html", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
