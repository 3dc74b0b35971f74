using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Senningen.Testing;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port: discovery, JWKS, an authorize endpoint that approves at once as
/// <see cref="SignInAs"/>, a token endpoint that checks the client and PKCE and returns an RS256 id_token, and userinfo.
/// <see cref="TokenIssuer"/> lets a test make it sign tokens as another issuer than its discovery document names.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "senningen-node";
    public const string ClientSecret = "test-client-secret";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Grant> _accessTokens = new();
    private WebApplication? _app;

    private sealed record Grant(string Subject, string Username, string Nonce, string RedirectUri, string Challenge, string Issuer);

    /// <summary>The identity the next authorization is approved for.</summary>
    public (string Subject, string Username) SignInAs { get; set; } = ("subject-1", "officer");

    /// <summary>The <c>iss</c> put into id tokens; the discovery document's issuer unless a test changes it.</summary>
    public string? TokenIssuer { get; set; }

    public string Issuer { get; private set; } = "";

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Keys);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        app.MapGet("/userinfo", provider.UserInfo);
        await app.StartAsync();
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider._app = app;
        return provider;
    }

    /// <summary>The settings that make a node use this provider.</summary>
    public Dictionary<string, string?> NodeSettings() => new()
    {
        ["Senningen:Auth:Oidc:Enabled"] = "true",
        ["Senningen:Auth:Oidc:Authority"] = Issuer,
        ["Senningen:Auth:Oidc:ClientId"] = ClientId,
        ["Senningen:Auth:Oidc:ClientSecret"] = ClientSecret,
    };

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["userinfo_endpoint"] = Issuer + "/userinfo",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("client_id, response_type=code and PKCE S256 are required");
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new Grant(SignInAs.Subject, SignInAs.Username, query["nonce"].ToString(), query["redirect_uri"].ToString(),
            query["code_challenge"].ToString(), TokenIssuer ?? Issuer);
        var redirect = query["redirect_uri"].ToString();
        var state = query["state"].ToString();
        if (query["response_mode"] == "form_post")
        {
            // What a browser would submit by itself: a form that posts the code back to the client.
            var html = $"""<html><body><form method="post" action="{WebUtility.HtmlEncode(redirect)}"><input type="hidden" name="code" value="{code}"/><input type="hidden" name="state" value="{WebUtility.HtmlEncode(state)}"/></form></body></html>""";
            return Results.Content(html, "text/html");
        }

        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientOf(request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri
            || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var accessToken = Base64Url(RandomNumberGenerator.GetBytes(24));
        _accessTokens[accessToken] = grant;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var idToken = Sign(new Dictionary<string, object>
        {
            ["iss"] = grant.Issuer,
            ["sub"] = grant.Subject,
            ["aud"] = ClientId,
            ["nonce"] = grant.Nonce,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["preferred_username"] = grant.Username,
        });
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.TryGetValue(header[7..], out var grant)
            ? Results.Json(new { sub = grant.Subject, preferred_username = grant.Username })
            : Results.Unauthorized();
    }

    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string Sign(Dictionary<string, object> payload)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = "k1" }));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = _key.SignData(Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _key.Dispose();
    }
}
