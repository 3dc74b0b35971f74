using Senningen.Cli.Credentials;

namespace Senningen.Cli.Tests;

/// <summary>Everything decided before a request is sent; the node address points at nothing on purpose.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public UsageTests() => _cli.Environment["SENNINGEN_NODE"] = "http://127.0.0.1:9";

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_WithoutACommand_ExitsTwoWithOneLine()
    {
        var result = await _cli.RunAsync();

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("senn --help");
    }

    [Fact]
    public async Task Run_WithAnUnknownCommand_ExitsTwoNamingIt()
    {
        var result = await _cli.RunAsync("frobnicate");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("'frobnicate'");
    }

    [Theory]
    [InlineData("login")]
    [InlineData("logout")]
    [InlineData("whoami")]
    [InlineData("admin", "create-user")]
    [InlineData("audit", "verify")]
    [InlineData("audit", "export")]
    [InlineData("node", "info")]
    [InlineData("node", "key")]
    [InlineData("exchange", "status")]
    [InlineData("exchange", "ping")]
    [InlineData("simulate", "pursuit")]
    public async Task Help_ForEveryCommand_ExitsZeroWithADescription(params string[] command)
    {
        var result = await _cli.RunAsync([.. command, "--help"]);

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        result.Out.ShouldContain("Description:");
        result.Out.ShouldContain("--node <URL>");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExchangePing_WithoutAPartner_ExitsTwoNamingTheArgument()
    {
        var result = await _cli.RunAsync("exchange", "ping");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("senn exchange ping --help");
    }

    [Theory]
    [InlineData("exchange", "status")]
    [InlineData("exchange", "ping", "NL")]
    [InlineData("node", "key")]
    public async Task ExchangeCommands_WithoutALogin_ExitFourBeforeContactingTheNode(params string[] command)
    {
        var result = await _cli.RunAsync(command);

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        result.SingleErrorLine().ShouldContain("run 'senn login --node http://127.0.0.1:9'");
    }

    [Fact]
    public async Task CreateUser_WithoutRequiredOptions_ExitsTwoNamingEachMissingOption()
    {
        var result = await _cli.RunAsync("admin", "create-user", "--username", "bart");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        var line = result.SingleErrorLine();
        line.ShouldContain("--display-name");
        line.ShouldContain("--unit");
        line.ShouldContain("--role");
        line.ShouldContain("senn admin create-user --help");
    }

    [Fact]
    public async Task CreateUser_WithAnUnknownRole_ExitsTwoListingTheRoles()
    {
        var result = await _cli.RunAsync("admin", "create-user", "--username", "bart", "--display-name", "Bart", "--unit", "PZ", "--role", "Sheriff");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("unknown role 'Sheriff'; expected one of Officer, ControlRoom, LiaisonOfficer, DataProtectionOfficer, Admin");
    }

    [Fact]
    public async Task CreateUser_WithAnUnknownLanguage_ExitsTwo()
    {
        var result = await _cli.RunAsync("admin", "create-user", "--username", "bart", "--display-name", "Bart", "--unit", "PZ", "--role", "Officer", "--language", "es");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("unknown language 'es'");
    }

    [Fact]
    public async Task Export_WithoutOut_ExitsTwo()
    {
        var result = await _cli.RunAsync("audit", "export");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("--out");
    }

    [Fact]
    public async Task Export_WithASubjectButNoPurpose_ExitsTwoBeforeContactingTheNode()
    {
        var result = await _cli.RunAsync("audit", "export", "--out", Path.Combine(_cli.ConfigDir, "a.csv"), "--subject", "1-ABC-123");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("--purpose is required with --subject");
    }

    [Fact]
    public async Task Export_WithAMalformedFrom_ExitsTwo()
    {
        var result = await _cli.RunAsync("audit", "export", "--out", "a.csv", "--from", "yesterday-ish");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldStartWith("senn: --from 'yesterday-ish' is not an ISO 8601 date or moment");
    }

    [Theory]
    [InlineData("ftp://node.example")]
    [InlineData("not a url")]
    [InlineData("http://node.example/?x=1")]
    public async Task AnyCommand_WithANodeThatIsNotAnHttpUrl_ExitsTwo(string node)
    {
        var result = await _cli.RunAsync("node", "info", "--node", node);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("is not a node URL");
    }

    [Theory]
    [InlineData("login", "http://node.be.example:5101")]
    [InlineData("whoami", "http://10.20.0.5")]
    [InlineData("node", "http://[2001:db8::1]:5101")]
    [InlineData("node", "http://127.0.0.1.example")]
    public async Task AnyCommand_WithPlainHttpToAnotherHost_ExitsTwoBeforeSendingAnything(string command, string node)
    {
        var args = command == "node" ? new[] { "node", "info", "--node", node } : [command, "--node", node];

        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldStartWith("senn: refusing http://");
        result.SingleErrorLine().ShouldContain("use https://");
    }

    [Fact]
    public async Task AnyCommand_WithPlainHttpFromTheEnvironment_IsRefusedToo()
    {
        _cli.Environment["SENNINGEN_NODE"] = "http://nl.example";

        var result = await _cli.RunAsync("whoami");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("refusing http://nl.example");
    }

    [Fact]
    public async Task Login_WithRedirectedStdinAndNoPasswordSource_RefusesToPrompt()
    {
        var result = await _cli.RunAsync("login", "--username", "anna");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldBe("senn: refusing to prompt for a password: stdin is not a terminal; use --password-stdin or set SENNINGEN_PASSWORD");
    }

    [Fact]
    public async Task Login_WithRedirectedStdinAndNoUsername_AsksForTheOption()
    {
        _cli.Stdin = "secret\n";

        var result = await _cli.RunAsync("login", "--password-stdin");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("--username is required");
    }

    [Fact]
    public async Task Whoami_WithoutALogin_ExitsFourAndSuggestsTheLoginCommand()
    {
        var result = await _cli.RunAsync("whoami");

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        result.SingleErrorLine().ShouldBe("senn: not logged in to http://127.0.0.1:9; run 'senn login --node http://127.0.0.1:9'");
    }

    [Fact]
    public async Task Whoami_WithAnExpiredToken_ExitsFourWithoutContactingTheNode()
    {
        NodeAddress.TryParse("http://127.0.0.1:9", out var node).ShouldBeTrue();
        new CredentialStore(_cli.ConfigDir).Store(node, new StoredToken("anna", "old", new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero)));
        _cli.Time = new FixedTime(new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero));

        var result = await _cli.RunAsync("whoami");

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        result.SingleErrorLine().ShouldBe("senn: the session on http://127.0.0.1:9 expired at 2025-01-01 08:00:00 +00:00; run 'senn login --node http://127.0.0.1:9'");
    }

    [Fact]
    public async Task Logout_WhenNotLoggedIn_SaysSoAndSucceeds()
    {
        var result = await _cli.RunAsync("logout");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        result.Out.ShouldBe($"Not logged in to http://127.0.0.1:9{Environment.NewLine}");
    }
}
