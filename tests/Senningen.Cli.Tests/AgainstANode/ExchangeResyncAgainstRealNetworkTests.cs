using Senningen.Testing;

namespace Senningen.Cli.Tests.AgainstANode;

/// <summary>senn exchange resync on a real Belgian node wired to a real Dutch one, as an administrator does after a restore.</summary>
public sealed class ExchangeResyncAgainstRealNetworkTests : IAsyncLifetime
{
    private TestNetwork _network = null!;
    private readonly CliHarness _cli = new();

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL"]);
        _cli.Stdin = "demo\n";
        var login = await _cli.RunAsync("--node", Node, "login", "--username", "admin", "--password-stdin");
        login.ExitCode.ShouldBe(0, login.Error);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _network.DisposeAsync();
    }

    private string Node => _network["BE"].BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task ExchangeResync_Since_AsksTheDutchNodeFromThatInstant()
    {
        var result = await _cli.RunAsync("--node", Node, "exchange", "resync", "--since", Since());

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldStartWith($"NL: asked to resend since {Since()}");
        result.Out.ShouldContain("(message ");
    }

    [Fact]
    public async Task ExchangeResync_SinceNotADate_ExitsOneNamingTheField()
    {
        var result = await _cli.RunAsync("--node", Node, "exchange", "resync", "--since", "last tuesday");

        result.ExitCode.ShouldBe(1);
        result.SingleErrorLine().ShouldContain("since");
        result.Out.ShouldBeEmpty();
    }

    // An instant inside the message lifetime, at whole seconds as the node echoes it back (round-trip format).
    private static string Since() =>
        new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
