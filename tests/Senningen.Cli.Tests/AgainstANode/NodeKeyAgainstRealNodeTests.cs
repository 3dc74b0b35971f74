using Senningen.Testing;

namespace Senningen.Cli.Tests.AgainstANode;

/// <summary>senn node key rotate and revoke against a real Belgian node, as its administrator rotates and retires a key.</summary>
public sealed class NodeKeyAgainstRealNodeTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private readonly CliHarness _cli = new();

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(country: "BE");
        _cli.Stdin = "demo\n";
        (await _cli.RunAsync("--node", Node, "login", "--username", "admin", "--password-stdin")).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _node.DisposeAsync();
    }

    private string Node => _node.BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task Rotate_ThenRevokeTheOldKey_PrintsEachKeySet_AndNodeKeyShowsTheNewKey()
    {
        var oldKey = Fingerprint((await _cli.RunAsync("--node", Node, "node", "key")).Out);

        var rotated = await _cli.RunAsync("--node", Node, "node", "key", "rotate");

        rotated.ExitCode.ShouldBe(0, rotated.Error);
        var lines = rotated.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[0].ShouldStartWith($"retiring  {oldKey}  from 1970-01-01T00:00:00Z  until ");
        lines[1].ShouldStartWith("current   ");
        // The encryption key turns over with the signing key (ADR 0029).
        lines[2].ShouldStartWith("enc-retiring ");
        lines[3].ShouldStartWith("enc-current ");
        var newKey = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Fingerprint((await _cli.RunAsync("--node", Node, "node", "key")).Out).ShouldBe(newKey);

        var revoked = await _cli.RunAsync("--node", Node, "node", "key", "revoke", oldKey);

        revoked.ExitCode.ShouldBe(0, revoked.Error);
        revoked.Out.ShouldContain($"revoked   {oldKey}  at ");
        revoked.Out.ShouldStartWith($"current   {newKey}  from ");
    }

    [Fact]
    public async Task RevokeTheOnlyCurrentKey_ExitsOneWithTheRuleTheNodeNames()
    {
        var key = Fingerprint((await _cli.RunAsync("--node", Node, "node", "key")).Out);

        var result = await _cli.RunAsync("--node", Node, "node", "key", "revoke", key);

        result.ExitCode.ShouldBe(1);
        result.SingleErrorLine().ShouldContain("rotate first");
    }

    private static string Fingerprint(string nodeKeyOutput) =>
        nodeKeyOutput.Split(Environment.NewLine).Single(l => l.StartsWith("Fingerprint: ", StringComparison.Ordinal))["Fingerprint: ".Length..];
}
