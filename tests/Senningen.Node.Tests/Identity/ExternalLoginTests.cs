using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Tests.Identity;

/// <summary>
/// OpenID Connect against a real provider on loopback: an identity signs in only through the issuer-and-subject link an
/// administrator made, never through the user name the provider sends; a linked user's local password is refused.
/// </summary>
public sealed partial class ExternalLoginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinkedIdentity_SignsInToTheConsole_AsTheLinkedUser_WhateverNameTheProviderSends()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var node = await TestNode.StartAsync(settings: provider.NodeSettings());
        await LinkAsync(node, "officer", provider.Issuer, "sub-officer").ShouldCompleteWithStatus(HttpStatusCode.OK);
        provider.SignInAs = ("sub-officer", "not-the-node-name");

        var (browser, landing) = await SignInThroughProviderAsync(node);

        landing.ShouldBe("/");
        var me = await browser.GetStringAsync(new Uri(node.BaseUrl, "api/v1/me"), Ct);
        me.ShouldContain("\"username\":\"officer\"");
        (await AuditAsync(node, "auth.login", "success")).ShouldContain(d => d!.Contains("subject sub-officer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SamePreferredUsername_WithAnotherSubject_IsRefusedAndAudited()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var node = await TestNode.StartAsync(settings: provider.NodeSettings());
        await LinkAsync(node, "officer", provider.Issuer, "sub-officer").ShouldCompleteWithStatus(HttpStatusCode.OK);
        provider.SignInAs = ("sub-impostor", "officer");

        var (browser, landing) = await SignInThroughProviderAsync(node);

        landing.ShouldBe("/login?error=external");
        (await browser.GetAsync(new Uri(node.BaseUrl, "api/v1/me"), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var refused = await AuditAsync(node, "auth.login", "failed");
        refused.ShouldHaveSingleItem().ShouldBe($"external identity not linked on this node: issuer {provider.Issuer}, subject sub-impostor");
    }

    [Fact]
    public async Task AnotherIssuer_IsRefused_InTheTokenAndInTheLink()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var node = await TestNode.StartAsync(settings: provider.NodeSettings());
        await LinkAsync(node, "officer", provider.Issuer, "sub-officer").ShouldCompleteWithStatus(HttpStatusCode.OK);
        await using (var scope = node.Services.CreateAsyncScope())
        {
            // A link for the same subject at another issuer, as an older configuration could have left behind.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SenningenUser>>();
            var controlroom = await users.FindByNameAsync("controlroom");
            (await users.AddLoginAsync(controlroom!, new UserLoginInfo("http://127.0.0.1:9/other", "sub-elsewhere", "other"))).Succeeded.ShouldBeTrue();
        }

        provider.SignInAs = ("sub-elsewhere", "controlroom");
        var (_, unlinkedIssuer) = await SignInThroughProviderAsync(node);
        provider.SignInAs = ("sub-officer", "officer");
        provider.TokenIssuer = "http://127.0.0.1:9/other";
        var (browser, forgedIssuer) = await SignInThroughProviderAsync(node);

        unlinkedIssuer.ShouldBe("/login?error=external");
        forgedIssuer.ShouldBe("/login?error=external");
        (await browser.GetAsync(new Uri(node.BaseUrl, "api/v1/me"), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var refused = await AuditAsync(node, "auth.login", "failed");
        refused.Count.ShouldBe(2);
        refused.ShouldContain(d => d!.StartsWith("OpenID Connect sign-in refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkApi_RefusesBadInputs_NamingTheField()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var node = await TestNode.StartAsync(settings: provider.NodeSettings());
        using var admin = await node.SignedInAsync("admin");

        var blank = await SendAsync(admin, HttpMethod.Put, "officer", new ExternalLoginRequest(" ", ""));
        var foreign = await SendAsync(admin, HttpMethod.Put, "officer", new ExternalLoginRequest("https://idp.example/", "sub-1"));
        var unknown = await SendAsync(admin, HttpMethod.Put, "nobody", new ExternalLoginRequest(provider.Issuer, "sub-1"));
        var linked = await SendAsync(admin, HttpMethod.Put, "officer", new ExternalLoginRequest(provider.Issuer + "/", "sub-1"));
        var taken = await SendAsync(admin, HttpMethod.Put, "liaison", new ExternalLoginRequest(provider.Issuer, "sub-1"));
        var notLinked = await SendAsync(admin, HttpMethod.Delete, "liaison", new ExternalLoginRequest(provider.Issuer, "sub-1"));
        var unlinked = await SendAsync(admin, HttpMethod.Delete, "officer", new ExternalLoginRequest(provider.Issuer, "sub-1"));
        using var officer = await node.SignedInAsync("officer");
        var notAdmin = await SendAsync(officer, HttpMethod.Put, "officer", new ExternalLoginRequest(provider.Issuer, "sub-2"));

        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FieldsAsync(blank)).ShouldBe(["issuer:required", "subject:required"]);
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FieldsAsync(foreign)).ShouldBe(["issuer:one-of"]);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        linked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await linked.Content.ReadFromJsonAsync<ExternalLoginLink>(Ct))!.Issuer.ShouldBe(provider.Issuer);
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        notLinked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unlinked.StatusCode.ShouldBe(HttpStatusCode.OK);
        notAdmin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var changes = await AuditAsync(node, "user.external-login", "success");
        changes.ShouldBe([$"linked: issuer {provider.Issuer}, subject sub-1; local password refused", $"unlinked: issuer {provider.Issuer}, subject sub-1"]);
    }

    [Fact]
    public async Task LocalPassword_OfALinkedUser_IsRefusedLikeAWrongPassword_UnlessAllowed()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var node = await TestNode.StartAsync(settings: provider.NodeSettings());
        using var client = node.Anonymous();
        using var admin = await node.SignedInAsync("admin");
        var link = new ExternalLoginRequest(provider.Issuer, "sub-liaison");
        (await SendAsync(admin, HttpMethod.Put, "liaison", link)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var wrong = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("liaison", "not-demo"), Ct);
        var linked = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("liaison", "demo"), Ct);
        (await SendAsync(admin, HttpMethod.Put, "liaison", link with { AllowLocalPassword = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var allowed = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("liaison", "demo"), Ct);

        linked.StatusCode.ShouldBe(wrong.StatusCode);
        var (wrongBody, linkedBody) = (await wrong.Content.ReadFromJsonAsync<ProblemBody>(Ct), await linked.Content.ReadFromJsonAsync<ProblemBody>(Ct));
        (linkedBody!.Type, linkedBody.Title, linkedBody.Detail).ShouldBe((wrongBody!.Type, wrongBody.Title, wrongBody.Detail));
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var failures = await AuditAsync(node, "auth.token", "failed");
        failures.ShouldBe(["wrong password", "local password not allowed: linked to an external identity"]);
    }

    [Fact]
    public async Task ConsoleSignIn_OfALinkedUser_WithTheLocalPassword_AnswersAsAWrongPassword()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var node = await TestNode.StartAsync(settings: provider.NodeSettings());
        await LinkAsync(node, "dpo", provider.Issuer, "sub-dpo").ShouldCompleteWithStatus(HttpStatusCode.OK);
        using var session = Console.ConsoleSession.Anonymous(node);

        var wrong = await session.PostFormAsync("/login", "/account/login", new() { ["username"] = "dpo", ["password"] = "nope", ["returnUrl"] = "/" });
        var linked = await session.PostFormAsync("/login", "/account/login", new() { ["username"] = "dpo", ["password"] = "demo", ["returnUrl"] = "/" });

        wrong.Headers.Location!.OriginalString.ShouldStartWith("/login?error=invalid");
        linked.Headers.Location!.OriginalString.ShouldBe(wrong.Headers.Location.OriginalString);
        (await AuditAsync(node, "auth.login", "failed")).ShouldBe(["wrong password", "local password not allowed: linked to an external identity"]);
    }

    [Fact]
    public async Task UsersPage_OffersTheLinkForm_OnlyWhenTheNodeHasAProvider()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var withProvider = await TestNode.StartAsync(settings: provider.NodeSettings());
        await using var without = await TestNode.StartAsync();
        using var admin = await Console.ConsoleSession.SignedInAsync(withProvider, "admin");
        using var otherAdmin = await Console.ConsoleSession.SignedInAsync(without, "admin");

        var page = await admin.GetPageAsync("/users");
        var plain = await otherAdmin.GetPageAsync("/users");

        page.ShouldContain("data-testid=\"external-login\"");
        page.ShouldContain($"value=\"{provider.Issuer}\"");
        plain.ShouldNotContain("data-testid=\"external-login\"");
    }

    private static async Task<HttpResponseMessage> LinkAsync(TestNode node, string username, string issuer, string subject)
    {
        using var admin = await node.SignedInAsync("admin");
        return await SendAsync(admin, HttpMethod.Put, username, new ExternalLoginRequest(issuer, subject));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string username, ExternalLoginRequest body) =>
        client.SendAsync(new HttpRequestMessage(method, $"api/v1/admin/users/{username}/external-login") { Content = JsonContent.Create(body) }, Ct);

    private static async Task<List<string>> FieldsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.Select(e => $"{e.Field}:{e.Rule}")];

    private static async Task<List<string?>> AuditAsync(TestNode node, string action, string outcome)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return await db.AuditEntries.Where(e => e.Action == action && e.Outcome == outcome).OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync(Ct);
    }

    /// <summary>
    /// What a browser does from "sign in with the identity provider" on: the redirect to the provider, its form post of
    /// the code back to the node, and the node's callback. Returns the client (with its cookies) and where the node sent it.
    /// </summary>
    private static async Task<(HttpClient Browser, string Landing)> SignInThroughProviderAsync(TestNode node)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var challenge = await browser.GetAsync(new Uri(node.BaseUrl, "account/external-login"), Ct);
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var approval = await browser.GetStringAsync(challenge.Headers.Location, Ct);
        var form = FormPost().Match(approval);
        form.Success.ShouldBeTrue(approval);
        var callback = await browser.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = form.Groups["code"].Value,
            ["state"] = WebUtility.HtmlDecode(form.Groups["state"].Value),
        }), Ct);
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = callback.Headers.Location!;
        if (location.OriginalString.StartsWith("/account/external-callback", StringComparison.Ordinal))
        {
            var completed = await browser.GetAsync(new Uri(node.BaseUrl, location), Ct);
            completed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            location = completed.Headers.Location!;
        }

        return (browser, location.OriginalString);
    }

    [GeneratedRegex("""action="(?<action>[^"]+)".*name="code" value="(?<code>[^"]+)".*name="state" value="(?<state>[^"]+)""", RegexOptions.Singleline)]
    private static partial Regex FormPost();
}

internal static class ResponseAssertions
{
    public static async Task ShouldCompleteWithStatus(this Task<HttpResponseMessage> response, HttpStatusCode expected)
    {
        using var completed = await response;
        completed.StatusCode.ShouldBe(expected, await completed.Content.ReadAsStringAsync());
    }
}
