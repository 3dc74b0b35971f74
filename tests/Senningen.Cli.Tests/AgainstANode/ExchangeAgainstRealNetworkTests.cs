using System.Net.Http.Json;
using Senningen.Contracts.Exchange;
using Senningen.Testing;

namespace Senningen.Cli.Tests.AgainstANode;

/// <summary>senn on a real Belgian node wired to a real Dutch one, as a control room operator checks the link.</summary>
public sealed class ExchangeAgainstRealNetworkTests : IAsyncLifetime
{
    private TestNetwork _network = null!;
    private readonly CliHarness _cli = new();

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL"]);
        _cli.Stdin = "demo\n";
        var login = await _cli.RunAsync("--node", Node, "login", "--username", "controlroom", "--password-stdin");
        login.ExitCode.ShouldBe(0, login.Error);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _network.DisposeAsync();
    }

    private string Node => _network["BE"].BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task ExchangePing_ToTheDutchNode_IsReceipted()
    {
        var result = await _cli.RunAsync("--node", Node, "exchange", "ping", "NL", "--note", "cli test");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldStartWith("NL: receipted in ");
        result.Out.ShouldContain(" ms (message ");
    }

    [Fact]
    public async Task ExchangePing_ToACountryThatIsNotAPartner_ExitsOneWithTheNodesProblem()
    {
        var result = await _cli.RunAsync("--node", Node, "exchange", "ping", "LU");

        result.ExitCode.ShouldBe(1);
        result.SingleErrorLine().ShouldContain("partner");
    }

    [Fact]
    public async Task ExchangeStatus_AfterAPing_ListsTheDutchLinkClosed()
    {
        (await _cli.RunAsync("--node", Node, "exchange", "ping", "NL")).ExitCode.ShouldBe(0);

        var result = await _cli.RunAsync("--node", Node, "exchange", "status");

        result.ExitCode.ShouldBe(0, result.Error);
        var row = result.Out.Split('\n').Where(line => line.StartsWith("NL ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        // Columns are two or more spaces apart; a moment has single spaces inside.
        var cells = row.TrimEnd().Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        cells.ShouldBe(["NL", "0", "-", cells[3], "-", "Closed"]);
        cells[3].ShouldNotBe("-", "the ping was delivered, so there is a last success");
    }

    [Fact]
    public async Task NodeKey_PrintsTheFingerprintTheNodePublishes()
    {
        using var api = await _network["BE"].SignedInAsync("controlroom");
        var published = await api.GetFromJsonAsync<NodeKeyView>("api/v1/node/key", TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("--node", Node, "node", "key");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain($"Fingerprint: {published!.KeyId}");
        result.Out.ShouldContain("Country:     BE");
        result.Out.ShouldContain("-----BEGIN PUBLIC KEY-----");
    }
}
