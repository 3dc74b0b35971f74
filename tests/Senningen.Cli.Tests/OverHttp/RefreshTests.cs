using Senningen.Cli.Credentials;

namespace Senningen.Cli.Tests.OverHttp;

/// <summary>Access tokens live minutes; senn renews them with the stored refresh token without asking the user again.</summary>
public sealed class RefreshTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly CliHarness _cli = new() { Time = new FixedTime(Now) };
    private FakeNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await FakeNode.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task ExpiredAccessToken_IsRenewedBeforeTheCall_AndTheNewPairIsStored()
    {
        Store(new StoredToken(FakeNode.Username, FakeNode.Token, Now.AddMinutes(-1), FakeNode.RefreshToken, Now.AddHours(11)));
        _node.AcceptedToken = FakeNode.RenewedToken;

        var result = await _cli.RunAsync("whoami", "--node", _node.Url);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        _node.Requests.Select(r => r.Request).ShouldBe(["POST /api/v1/auth/refresh", "GET /api/v1/me"]);
        _node.Requests.Last().Authorization.ShouldBe($"Bearer {FakeNode.RenewedToken}");
        var stored = Stored()!;
        stored.AccessToken.ShouldBe(FakeNode.RenewedToken);
        stored.RefreshToken.ShouldBe(FakeNode.RenewedRefreshToken);
    }

    [Fact]
    public async Task A401_IsAnsweredByOneRenewalAndTheSameCallAgain()
    {
        _cli.Stdin = $"{FakeNode.Password}\n";
        (await _cli.RunAsync("login", "--node", _node.Url, "--username", FakeNode.Username, "--password-stdin")).ExitCode.ShouldBe(ExitCodes.Ok);
        _node.Requests.Clear();
        _node.AcceptedToken = FakeNode.RenewedToken;

        var result = await _cli.RunAsync("whoami");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        _node.Requests.ShouldBe([
            ("GET /api/v1/me", $"Bearer {FakeNode.Token}"), ("POST /api/v1/auth/refresh", null), ("GET /api/v1/me", $"Bearer {FakeNode.RenewedToken}")]);
    }

    [Fact]
    public async Task RefusedRenewal_ReportsNotLoggedIn_AfterOneAttempt()
    {
        Store(new StoredToken(FakeNode.Username, FakeNode.Token, Now.AddMinutes(-1), "refresh-of-a-disabled-user", Now.AddHours(11)));
        _node.AcceptedToken = FakeNode.RenewedToken;

        var result = await _cli.RunAsync("whoami", "--node", _node.Url);

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        _node.Requests.Count(r => r.Request == "POST /api/v1/auth/refresh").ShouldBe(1);
    }

    [Fact]
    public async Task ExpiredRefreshToken_IsNotSent_AndTheUserIsAskedToLogIn()
    {
        Store(new StoredToken(FakeNode.Username, FakeNode.Token, Now.AddMinutes(-1), FakeNode.RefreshToken, Now.AddSeconds(-1)));

        var result = await _cli.RunAsync("whoami", "--node", _node.Url);

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        result.SingleErrorLine().ShouldContain("expired");
        _node.Requests.ShouldBeEmpty();
    }

    private void Store(StoredToken token) => new CredentialStore(_cli.ConfigDir).Store(Address, token);

    private StoredToken? Stored() => new CredentialStore(_cli.ConfigDir).Find(Address);

    private NodeAddress Address => NodeAddress.TryParse(_node.Url, out var node) ? node : throw new InvalidOperationException(_node.Url);
}
