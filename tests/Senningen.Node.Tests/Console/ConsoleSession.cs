using System.Net;
using System.Text.RegularExpressions;

namespace Senningen.Node.Tests.Console;

/// <summary>
/// A browser-like cookie session on a test node: it signs in through the console's own form (with the
/// antiforgery token read from the page) and does not follow redirects, so tests can look at them.
/// </summary>
internal sealed partial class ConsoleSession : IDisposable
{
    private readonly HttpClient _client;

    private ConsoleSession(TestNode node)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        _client = new HttpClient(handler) { BaseAddress = node.BaseUrl };
    }

    public static ConsoleSession Anonymous(TestNode node) => new(node);

    public static async Task<ConsoleSession> SignedInAsync(TestNode node, string username, string password = "demo")
    {
        var session = new ConsoleSession(node);
        var response = await session.PostFormAsync("/login", "/account/login",
            new() { ["username"] = username, ["password"] = password, ["returnUrl"] = "/" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/", $"signing in as {username} failed");
        return session;
    }

    /// <summary>Every later request arrives as if a proxy had forwarded it from <paramref name="address"/>.</summary>
    public void ForwardedFor(string address) => _client.DefaultRequestHeaders.Add("X-Forwarded-For", address);

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        // Blazor escapes every non-ASCII letter; decoded, assertions can use the texts as people read them.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>Posts a console form the way a browser does: token from <paramref name="formPage"/>, cookie from the jar.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await GetPageAsync(formPage);
        var token = TokenInput().Match(page);
        token.Success.ShouldBeTrue($"{formPage} has no antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var form = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri(action, UriKind.Relative), form, Cancellation);
    }

    public void Dispose() => _client.Dispose();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
