using Senningen.Cli.Credentials;

namespace Senningen.Cli.Tests.OverHttp;

public sealed class LoginTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new() { Time = new FixedTime(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)) };
    private FakeNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await FakeNode.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Login_WithGoodCredentials_StoresTheTokenAndSaysWhoUntilWhen()
    {
        _cli.Stdin = $"{FakeNode.Password}\n";

        var result = await _cli.RunAsync("login", "--node", _node.Url, "--username", FakeNode.Username, "--password-stdin");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.TrimEnd().ShouldBe($"Logged in to {_node.Url} as anna (BE, roles Officer, Admin) until 2099-01-01 12:00:00 +00:00");
        StoredTokenFor(_node.Url)!.AccessToken.ShouldBe(FakeNode.Token);
    }

    [Fact]
    public async Task Login_WithThePasswordInTheEnvironment_DoesNotNeedStdin()
    {
        _cli.Environment["SENNINGEN_PASSWORD"] = FakeNode.Password;

        var result = await _cli.RunAsync("login", "--node", _node.Url, "--username", FakeNode.Username);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
    }

    [Fact]
    public async Task Login_OnATerminal_AsksForTheUsernameAndThePasswordWithoutEcho()
    {
        _cli.StdinRedirected = false;
        _cli.Stdin = $"{FakeNode.Username}\n";
        _cli.TypedSecrets.Enqueue(FakeNode.Password);

        var result = await _cli.RunAsync("login", "--node", _node.Url);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Error.ShouldBe("Username: ");
        _cli.TypedSecrets.ShouldBeEmpty();
    }

    [Fact]
    public async Task Login_WithAWrongPassword_ExitsOneWithTheNodesReasonAndStoresNothing()
    {
        _cli.Stdin = "wrong\n";

        var result = await _cli.RunAsync("login", "--node", _node.Url, "--username", FakeNode.Username, "--password-stdin");

        result.ExitCode.ShouldBe(ExitCodes.Failure);
        result.SingleErrorLine().ShouldBe($"senn: login to {_node.Url} failed: Invalid credentials: User name or password is wrong.");
        StoredTokenFor(_node.Url).ShouldBeNull();
    }

    [Fact]
    public async Task Whoami_AfterLogin_SendsTheTokenAsBearerToTheLastNode()
    {
        await LoginAsync();

        var result = await _cli.RunAsync("whoami");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.ShouldStartWith($"anna (An Peeters) on {_node.Url}");
        _node.Requests.ShouldContain(($"GET /api/v1/me", $"Bearer {FakeNode.Token}"));
    }

    [Fact]
    public async Task Whoami_WithSenningenNodeSet_PrefersItOverTheLastLogin()
    {
        await LoginAsync();
        _cli.Environment["SENNINGEN_NODE"] = "http://127.0.0.1:9";

        var result = await _cli.RunAsync("whoami");

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        result.SingleErrorLine().ShouldContain("not logged in to http://127.0.0.1:9");
    }

    [Fact]
    public async Task Whoami_WithATokenTheNodeRejects_ExitsFourAndSuggestsLoggingIn()
    {
        NodeAddress.TryParse(_node.Url, out var node).ShouldBeTrue();
        new CredentialStore(_cli.ConfigDir).Store(node, new StoredToken("anna", "revoked", FakeNode.ExpiresAt));

        var result = await _cli.RunAsync("whoami");

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        result.SingleErrorLine().ShouldBe(
            $"senn: not logged in to {_node.Url} (Unauthorized: The token is missing, expired or revoked.); run 'senn login --node {_node.Url}'");
    }

    [Fact]
    public async Task Logout_AfterLogin_ForgetsTheToken()
    {
        await LoginAsync();

        var result = await _cli.RunAsync("logout", "--node", _node.Url);

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        result.Out.TrimEnd().ShouldBe($"Logged out of {_node.Url}");
        (await _cli.RunAsync("whoami")).ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
    }

    private async Task LoginAsync()
    {
        _cli.Stdin = $"{FakeNode.Password}\n";
        (await _cli.RunAsync("login", "--node", _node.Url, "--username", FakeNode.Username, "--password-stdin")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    private StoredToken? StoredTokenFor(string url) =>
        NodeAddress.TryParse(url, out var node) ? new CredentialStore(_cli.ConfigDir).Find(node) : null;
}
