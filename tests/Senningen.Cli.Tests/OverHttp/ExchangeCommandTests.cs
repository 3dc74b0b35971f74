using Senningen.Cli.Credentials;

namespace Senningen.Cli.Tests.OverHttp;

public sealed class ExchangeCommandTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new() { Time = new FixedTime(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero)) };
    private FakeNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await FakeNode.StartAsync();
        NodeAddress.TryParse(_node.Url, out var node).ShouldBeTrue();
        new CredentialStore(_cli.ConfigDir).Store(node, new StoredToken(FakeNode.Username, FakeNode.Token, FakeNode.ExpiresAt));
        _cli.Environment["SENNINGEN_NODE"] = _node.Url;
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Ping_Receipted_PrintsTheLatencyAndMessageAndExitsZero()
    {
        var result = await _cli.RunAsync("exchange", "ping", "NL", "--note", "shift change");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.TrimEnd().ShouldBe($"NL: receipted in 12.3 ms (message {FakeNode.PingId})");
        result.Error.ShouldBeEmpty();
        _node.Requests.ShouldContain(("POST /api/v1/exchange/ping", $"Bearer {FakeNode.Token}"));
    }

    [Theory]
    [InlineData("LU", "senn: LU: rejected: signature does not verify (message ")]
    [InlineData("FR", "senn: FR: pending: no receipt yet (message ")]
    public async Task Ping_NotReceipted_ExitsOneWithOneLineSayingWhy(string partner, string expected)
    {
        var result = await _cli.RunAsync("exchange", "ping", partner);

        result.ExitCode.ShouldBe(ExitCodes.Failure);
        result.SingleErrorLine().ShouldStartWith(expected);
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Ping_UnknownPartner_ReportsTheNodesProblemAndExitsOne()
    {
        var result = await _cli.RunAsync("exchange", "ping", "XX");

        result.ExitCode.ShouldBe(ExitCodes.Failure);
        result.SingleErrorLine().ShouldBe("senn: The request is not valid: 1 field(s) break a rule; see errors. (partner: must be one of NL, LU)");
    }

    [Fact]
    public async Task Status_PrintsOneAlignedRowPerPartner()
    {
        var result = await _cli.RunAsync("exchange", "status");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("PARTNER  QUEUE  OLDEST                      LAST SUCCESS                LAST ERROR      ");
        lines[1].ShouldBe("LU       3      2025-03-01 09:20:00 +00:00  2025-03-01 07:30:00 +00:00  2025-03-01 09:30:00 +00:00 connection refused  Open");
        lines[0].IndexOf("CIRCUIT", StringComparison.Ordinal).ShouldBe(lines[1].IndexOf("Open", StringComparison.Ordinal));
        lines[2].ShouldStartWith("NL       0      -                           2025-03-01 09:30:00 +00:00  -");
        lines[2].ShouldEndWith("Closed");
        lines[3].ShouldBe($"BE signs with key {FakeNode.KeyId}; 2 message(s) expired, rejected or failed");
    }

    [Fact]
    public async Task NodeKey_PrintsCountryFingerprintAndThePem()
    {
        var result = await _cli.RunAsync("node", "key");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Out.ShouldBe(string.Join(Environment.NewLine,
            "Country:     BE",
            $"Fingerprint: {FakeNode.KeyId}",
            FakeNode.PublicKeyPem.TrimEnd(),
            ""));
    }
}
