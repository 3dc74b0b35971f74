namespace Senningen.Cli.Tests.Simulate;

/// <summary>Everything 'senn simulate pursuit' decides before a request is sent; the node address points at nothing on purpose.</summary>
public sealed class SimulatePursuitUsageTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public SimulatePursuitUsageTests() => _cli.Environment["SENNINGEN_NODE"] = "http://127.0.0.1:9";

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Pursuit_UnknownRoute_ExitsTwoListingTheShippedRoutes()
    {
        var result = await _cli.RunAsync("simulate", "pursuit", "--route", "nowhere");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldBe(
            "senn: unknown route 'nowhere'; expected one of a2-maastricht-liege, baarle-enclaves, e19-antwerpen-breda, e411-arlon-luxembourg, or a route file (.json)");
    }

    [Fact]
    public async Task Pursuit_MissingRouteFile_ExitsTwoNamingIt()
    {
        var result = await _cli.RunAsync("simulate", "pursuit", "--route", "./no-such-route.json");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldBe("senn: route file './no-such-route.json' not found");
    }

    [Fact]
    public async Task Pursuit_BrokenRouteFile_ExitsTwoNamingTheField()
    {
        var path = Path.Combine(_cli.ConfigDir, "broken.json");
        await File.WriteAllTextAsync(path, """{ "id": "broken", "homeCountry": "FR" }""", TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("simulate", "pursuit", "--route", path);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldBe($"senn: route file '{path}': homeCountry: BE, NL or LU");
    }

    [Theory]
    [InlineData("--speed-up", "0")]
    [InlineData("--speed-up", "fast")]
    [InlineData("--speed-up", "5000")]
    [InlineData("--interval", "0s")]
    [InlineData("--interval", "soon")]
    [InlineData("--noise", "-1")]
    [InlineData("--type", "car-chase")]
    [InlineData("--outcome", "escaped")]
    public async Task Pursuit_BadOptionValue_ExitsTwoNamingTheOption(string option, string value)
    {
        var result = await _cli.RunAsync("simulate", "pursuit", "--route", "baarle-enclaves", option, value);

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        var line = result.SingleErrorLine();
        line.ShouldContain($"'{value}'");
        line.ShouldContain("senn simulate pursuit --help");
    }

    [Fact]
    public async Task Pursuit_WithoutARoute_ExitsTwo()
    {
        var result = await _cli.RunAsync("simulate", "pursuit");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.SingleErrorLine().ShouldContain("--route");
    }

    [Fact]
    public async Task Pursuit_WithoutALogin_ExitsFourBeforeContactingTheNode()
    {
        var result = await _cli.RunAsync("simulate", "pursuit", "--route", "E19-Antwerpen-Breda");

        result.ExitCode.ShouldBe(ExitCodes.NotLoggedIn);
        result.SingleErrorLine().ShouldContain("run 'senn login --node http://127.0.0.1:9'");
    }

    [Fact]
    public async Task Help_ListsTheShippedRoutes()
    {
        var result = await _cli.RunAsync("simulate", "pursuit", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok);
        result.Out.ShouldContain("--speed-up <N>");
        result.Out.ShouldContain("baarle-enclaves");
    }
}
