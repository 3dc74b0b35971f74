using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Senningen.Contracts.Audit;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Exchange;
using Senningen.Contracts.Node;
using Senningen.Contracts.Users;

namespace Senningen.Cli.Tests.OverHttp;

/// <summary>
/// A real Kestrel on a free loopback port answering the node endpoints senn uses with canned responses:
/// user <see cref="Username"/> with password <see cref="Password"/> gets bearer token <see cref="Token"/>.
/// </summary>
internal sealed class FakeNode : IAsyncDisposable
{
    public const string Username = "anna";
    public const string Password = "correct horse";
    public const string Token = "token-anna";
    public const string RefreshToken = "refresh-anna";
    public const string RenewedToken = "token-anna-renewed";
    public const string RenewedRefreshToken = "refresh-anna-renewed";
    public static readonly DateTimeOffset ExpiresAt = new(2099, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private FakeNode(WebApplication app) => _app = app;

    public string Url => _app.Urls.Single();

    /// <summary>Every request as "METHOD /path?query", with the Authorization header it carried.</summary>
    public ConcurrentQueue<(string Request, string? Authorization)> Requests { get; } = new();

    /// <summary>The access token the node takes; set to <see cref="RenewedToken"/> to have <see cref="Token"/> expire.</summary>
    public string AcceptedToken { get; set; } = Token;

    public List<CreateUserRequest> CreatedUsers { get; } = [];

    public AuditVerification Verification { get; set; } = new(true, 42, null, null, "9f86d081", 42, "9f86d081", 3, PendingEntries: 2);

    /// <summary>Partners' confirmations the node vouches for (their signatures checked there) and how many it discarded.</summary>
    public IReadOnlyList<TreeHeadConfirmation> Confirmations { get; set; } = [];

    public int DiscardedConfirmations { get; set; }

    public string ExportCsv { get; set; } = "sequence,occurredAt,actor\n1,2025-01-01T00:00:00Z,anna\n2,2025-01-01T00:01:00Z,anna\n";

    public bool RefuseExport { get; set; }

    public const string KeyId = "3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b";
    public const string PublicKeyPem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEfake\n-----END PUBLIC KEY-----\n";
    public static readonly Guid PingId = new("0b9e1c4a-5d2f-4a7e-9c3b-6f1d2e3a4b5c");

    public static async Task<FakeNode> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var node = new FakeNode(builder.Build());
        node.Map(node._app);
        await node._app.StartAsync(TestContext.Current.CancellationToken);
        return node;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.Use((context, next) =>
        {
            Requests.Enqueue(($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", context.Request.Headers.Authorization.FirstOrDefault()));
            return next(context);
        });

        app.MapPost("/api/v1/auth/token", (TokenRequest request) => request is { Username: Username, Password: Password }
            ? Results.Ok(new TokenResponse(Token, ExpiresAt) { RefreshToken = RefreshToken, RefreshExpiresAt = ExpiresAt })
            : Results.Problem(statusCode: 401, title: "Invalid credentials", detail: "User name or password is wrong."));

        app.MapPost("/api/v1/auth/refresh", (RefreshRequest request) =>
        {
            if (request.RefreshToken != RefreshToken)
            {
                return Results.Problem(statusCode: 401, title: "Refresh refused", detail: "The refresh token has expired or the access was withdrawn.");
            }

            AcceptedToken = RenewedToken;
            return Results.Ok(new TokenResponse(RenewedToken, ExpiresAt) { RefreshToken = RenewedRefreshToken, RefreshExpiresAt = ExpiresAt });
        });

        app.MapGet("/api/v1/me", (HttpContext context) => Authorised(context)
            ?? Results.Ok(new CurrentUser(Username, "An Peeters", "BE", "PZ Brussel-Hoofdstad", [Roles.Officer, Roles.Admin], "nl")));

        app.MapPost("/api/v1/admin/users", (HttpContext context, CreateUserRequest request) => Authorised(context) ?? CreateUser(request));

        app.MapGet("/api/v1/audit/verify", (HttpContext context) => Authorised(context) ?? Results.Ok(Verification));

        app.MapGet("/api/v1/audit/tree-heads/verify", (HttpContext context) =>
            Authorised(context) ?? Results.Ok(new WitnessedVerification(Verification, Confirmations, DiscardedConfirmations)));

        app.MapGet("/api/v1/audit/export", (HttpContext context, string? subject, string? purpose) =>
            Authorised(context)
            ?? (RefuseExport ? Results.Problem(statusCode: 403, title: "Forbidden", detail: "Exporting the audit log needs the DataProtectionOfficer role.") : null)
            ?? (subject is not null && purpose is null
                ? Results.Problem(statusCode: 400, title: "Purpose required", detail: "A subject search needs a purpose.")
                : Results.Text(ExportCsv, "text/csv")));

        app.MapGet("/api/v1/node/key", (HttpContext context) => Authorised(context) ?? Results.Ok(new NodeKeyView("BE", KeyId, PublicKeyPem)));

        app.MapGet("/api/v1/exchange/status", (HttpContext context) => Authorised(context) ?? Results.Ok(Status()));

        app.MapPost("/api/v1/exchange/ping", (HttpContext context, PingRequest request) => Authorised(context) ?? Ping(request));

        app.MapGet("/api/v1/node", () => Results.Ok(new NodeInfo("BE", "Senningen Brussel", "1.2.3", true, [new PartnerInfo("NL", "https://nl.example"), new PartnerInfo("LU", "https://lu.example")])));
    }

    private IResult? Authorised(HttpContext context) =>
        context.Request.Headers.Authorization == $"Bearer {AcceptedToken}"
            ? null
            : Results.Problem(statusCode: 401, title: "Unauthorized", detail: "The token is missing, expired or revoked.");

    private IResult CreateUser(CreateUserRequest request)
    {
        if (request.Username == "taken")
        {
            return Results.Problem(
                statusCode: 400,
                title: "Invalid user",
                detail: "One or more fields are invalid.",
                extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { field = "username", rule = "unique", message = "is already taken" } } });
        }

        CreatedUsers.Add(request);
        return Results.Created($"/api/v1/admin/users/{request.Username}", new UserSummary(
            request.Username!, request.DisplayName!, "BE", request.Unit!, request.Roles ?? [], request.Language ?? "nl", null, 0));
    }

    private static ExchangeStatusView Status()
    {
        var at = new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
        return new ExchangeStatusView("BE", KeyId,
        [
            new PartnerLinkView("LU", "https://lu.example/", "aa11", 3, at.AddMinutes(-10), at.AddHours(-2), at, "connection refused", "Open"),
            new PartnerLinkView("NL", "https://nl.example/", "bb22", 0, null, at, null, null, "Closed"),
        ], 2);
    }

    // NL receipts, LU refuses, FR answers nothing in time, anything else is not a partner of this node.
    private static IResult Ping(PingRequest request) => request.Partner switch
    {
        "NL" => Results.Ok(new PingResult("NL", PingId, "receipted", 12.345, null)),
        "LU" => Results.Ok(new PingResult("LU", PingId, "rejected", null, "signature does not verify")),
        "FR" => Results.Ok(new PingResult("FR", PingId, "pending", null, "no receipt yet")),
        _ => Results.Problem(statusCode: 400, title: "The request is not valid", detail: "1 field(s) break a rule; see errors.",
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { field = "partner", rule = "one-of", message = "must be one of NL, LU" } } }),
    };
}
