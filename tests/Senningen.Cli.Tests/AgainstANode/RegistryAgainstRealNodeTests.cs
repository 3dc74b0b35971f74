using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using Senningen.Testing;

namespace Senningen.Cli.Tests.AgainstANode;

/// <summary>senn registry generate against a real Luxembourg node with an empty registry.</summary>
public sealed class RegistryAgainstRealNodeTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private readonly CliHarness _cli = new();

    public async ValueTask InitializeAsync() =>
        _node = await TestNode.StartAsync(country: "LU", settings: new Dictionary<string, string?> { ["Senningen:Registry:DemoPersons"] = "0" });

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _node.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Node => _node.BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task Generate_AsAdministrator_FillsTheRegistry_AndReportsCountsAndTime()
    {
        await LoginAsync("admin");

        var result = await _cli.RunAsync("--node", Node, "registry", "generate", "--persons", "1500", "--seed", "4");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain($"Generated the LU registry on {Node}");
        result.Out.ShouldContain("(seed 4): 1,500 persons");
        result.Out.ShouldContain("s on the node");
        (await CountPersonsAsync()).ShouldBe(1500);
    }

    [Fact]
    public async Task Generate_AsAnOfficer_IsRefusedByTheNode_OnOneLine()
    {
        await LoginAsync("officer");

        var result = await _cli.RunAsync("--node", Node, "registry", "generate", "--persons", "10");

        // The node words the refusal in the officer's language (French on this Luxembourg node); the exit code is the contract.
        result.ExitCode.ShouldBe(1);
        result.SingleErrorLine().ShouldNotBeEmpty();
        (await CountPersonsAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("--persons", "0", "--persons '0' is not a whole number from 1 to 10000000")]
    [InlineData("--persons", "10000001", "--persons '10000001' is not a whole number from 1 to 10000000")]
    [InlineData("--seed", "-3", "--seed '-3' is not a whole number from 0 to")]
    public async Task Generate_OutOfRange_IsAUsageError_BeforeAnythingIsSent(string option, string value, string message)
    {
        await LoginAsync("admin");
        string[] args = option == "--seed"
            ? ["--node", Node, "registry", "generate", "--persons", "5", option, value]
            : ["--node", Node, "registry", "generate", option, value];

        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.SingleErrorLine().ShouldContain(message);
        (await CountPersonsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Generate_WithoutPersons_IsAUsageError()
    {
        await LoginAsync("admin");

        var result = await _cli.RunAsync("--node", Node, "registry", "generate");

        result.ExitCode.ShouldBe(2);
        result.SingleErrorLine().ShouldContain("--persons");
    }

    private async Task LoginAsync(string user)
    {
        _cli.Stdin = "demo\n";
        (await _cli.RunAsync("--node", Node, "login", "--username", user, "--password-stdin")).ExitCode.ShouldBe(0);
    }

    private async Task<int> CountPersonsAsync()
    {
        await using var scope = _node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().RegistryPersons.CountAsync(Ct);
    }
}
