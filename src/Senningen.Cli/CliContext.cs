using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Senningen.Cli.Credentials;
using Senningen.Cli.Http;
using Senningen.Contracts.Auth;

namespace Senningen.Cli;

/// <summary>What every command of one <c>senn</c> run shares: console, node resolution, credentials, HTTP.</summary>
internal sealed class CliContext(CliConsole console, HttpMessageHandler? handler, CredentialStore credentials, TimeProvider time)
{
    public CliConsole Console { get; } = console;

    public CredentialStore Credentials { get; } = credentials;

    public TimeProvider Time { get; } = time;

    public Option<string> NodeOption { get; } = new("--node")
    {
        Description = $"Base URL of the node. Default: $SENNINGEN_NODE, else the node of the last login, else {NodeAddress.Default}.",
        HelpName = "URL",
        Recursive = true,
    };

    public bool TryResolveNode(ParseResult parse, [NotNullWhen(true)] out NodeAddress? node, [NotNullWhen(false)] out CliError? error)
    {
        var text = parse.GetValue(NodeOption) ?? Console.GetEnvironmentVariable("SENNINGEN_NODE");
        if (string.IsNullOrWhiteSpace(text))
        {
            node = Credentials.LastNode() ?? Parse(NodeAddress.Default);
        }
        else if (!NodeAddress.TryParse(text, out node))
        {
            error = CliError.Usage($"'{text}' is not a node URL; expected e.g. {NodeAddress.Default}");
            return false;
        }

        error = node.IsPlainHttpBeyondThisComputer ? CliError.PlainHttp(node) : null;
        return error is null;
    }

    /// <summary>Opens a client for the node; with <paramref name="loginRequired"/>, only with a token that has not expired.</summary>
    public bool TryConnect(ParseResult parse, bool loginRequired, [NotNullWhen(true)] out Connection? connection, [NotNullWhen(false)] out CliError? error)
    {
        connection = null;
        if (!TryResolveNode(parse, out var node, out error))
        {
            return false;
        }

        var token = Credentials.Find(node);
        var now = Time.GetUtcNow();
        var expired = token is not null && token.ExpiresAt <= now;
        if (expired && token!.CanRefreshAt(now))
        {
            connection = new Connection(node, Open(node, token.AccessToken, Renewal(node, token, due: true)), token);
            return true;
        }

        if (expired)
        {
            error = loginRequired ? CliError.NotLoggedIn(node, $"the session on {node} expired at {Format.Moment(token!.ExpiresAt, Time)}") : null;
            token = null;
        }
        else if (token is null && loginRequired)
        {
            error = CliError.NotLoggedIn(node, $"not logged in to {node}");
        }

        if (error is not null)
        {
            return false;
        }

        var renewal = token is not null && token.CanRefreshAt(now) ? Renewal(node, token, due: false) : null;
        connection = new Connection(node, Open(node, token?.AccessToken, renewal), token);
        return true;
    }

    public NodeClient Open(NodeAddress node, string? accessToken, NodeClient.TokenRenewal? renewal = null) =>
        handler is null
            ? new NodeClient(new SocketsHttpHandler(), ownsHandler: true, node, accessToken, renewal)
            : new NodeClient(handler, ownsHandler: false, node, accessToken, renewal);

    // The access token lives minutes; the refresh token renews it, and the node refuses that once the user's access is withdrawn.
    private NodeClient.TokenRenewal Renewal(NodeAddress node, StoredToken stored, bool due) => new(async ct =>
    {
        using var anonymous = Open(node, accessToken: null);
        var renewed = await anonymous.PostAsync<RefreshRequest, TokenResponse>("api/v1/auth/refresh", new RefreshRequest(stored.RefreshToken), ct);
        if (!renewed.Succeeded)
        {
            return null;
        }

        var token = renewed.Value;
        Credentials.Update(node, stored with
        {
            AccessToken = token.AccessToken, ExpiresAt = token.ExpiresAt, RefreshToken = token.RefreshToken, RefreshExpiresAt = token.RefreshExpiresAt,
        });
        return token.AccessToken;
    }, due);

    public int Fail(CliError error)
    {
        Console.Error.WriteLine($"senn: {error.Message}");
        return error.ExitCode;
    }

    /// <summary>401 means the token is missing, expired or revoked; any other problem is reported as answered.</summary>
    public int Fail(NodeAddress node, NodeProblem problem) => Fail(problem.Status == 401
        ? CliError.NotLoggedIn(node, $"not logged in to {node} ({problem.Render()})")
        : new CliError(ExitCodes.Failure, problem.Render()));

    private static NodeAddress Parse(string text) =>
        NodeAddress.TryParse(text, out var node) ? node : throw new InvalidOperationException($"Invalid built-in node address {text}.");
}

/// <summary>A client bound to one node, with the token it carries (if any).</summary>
internal sealed record Connection(NodeAddress Node, NodeClient Client, StoredToken? Token) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
