using Senningen.Cli.Credentials;

namespace Senningen.Cli.Tests.Simulate;

/// <summary>The simulator's conversation with a node, with the three operation endpoints faked in-process.</summary>
public sealed class SimulatePursuitFlowTests : IDisposable
{
    private const string Node = "https://node.test:8443";
    private readonly FakeOperationsHandler _node = new();
    private readonly CliHarness _cli = new();
    private readonly string _route;

    public SimulatePursuitFlowTests()
    {
        _cli.Handler = _node;
        _cli.Environment["SENNINGEN_NODE"] = Node;
        NodeAddress.TryParse(Node, out var node).ShouldBeTrue();
        new CredentialStore(_cli.ConfigDir).Store(node, new StoredToken("anna", "token-anna", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        // 2 km due north across the Hazeldonk border at 100 km/h: 72 s of road.
        _route = Path.Combine(_cli.ConfigDir, "short.json");
        File.WriteAllText(_route, """
            {
              "id": "short",
              "name": { "nl": "Kort", "fr": "Court", "de": "Kurz", "en": "Short" },
              "homeCountry": "BE",
              "homeZone": "BE-VAN",
              "unit": { "callSign": "WPR-ANT-12", "vehicle": "BMW 530d Touring", "officers": 2 },
              "vehicles": ["Audi A6 Avant"],
              "suspect": { "nl": "s", "fr": "s", "de": "s", "en": "Two men in an Audi" },
              "reason": { "nl": "r", "fr": "r", "de": "r", "en": "Ram-raid" },
              "speedKmh": 100,
              "waypoints": [[51.48, 4.745], [51.498, 4.745]]
            }
            """);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Pursuit_StartsReplaysInBatchesPrintsTheCrossingAndEnds()
    {
        var before = DateTimeOffset.UtcNow;

        var result = await _cli.RunAsync("simulate", "pursuit", "--route", _route, "--speed-up", "1000", "--interval", "100ms", "--unit", "ANT-7");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        result.Error.ShouldBeEmpty();
        _node.Requests.Select(r => r.Split(' ')[1]).ShouldBe([
            "/api/v1/operations",
            $"/api/v1/operations/{FakeOperationsHandler.OperationId}/positions",
            $"/api/v1/operations/{FakeOperationsHandler.OperationId}/positions",
            $"/api/v1/operations/{FakeOperationsHandler.OperationId}/end",
        ]);
        _node.Requests.ShouldAllBe(r => r.EndsWith("Bearer token-anna", StringComparison.Ordinal));

        var start = _node.Started.ShouldHaveSingleItem();
        start.Type.ShouldBe("hot-pursuit");
        start.HomeZone.ShouldBe("BE-VAN");
        start.Units!.ShouldHaveSingleItem().ShouldBe(new Contracts.Operations.OperationUnitInput("ANT-7", "BMW 530d Touring", 2));
        start.Suspect.ShouldBe("Two men in an Audi");

        // 722 fixes (2,001.5 m: 72.05 s every 100 ms, plus the start and the end) in batches of at most 500, stamped at 1/1000 of the replay time
        // and never later than the moment their batch was sent.
        var fixes = _node.Batches.SelectMany(b => b.Fixes!).Select(f => f!).ToList();
        _node.Batches.Select(b => b.Fixes!.Count).ShouldBe([500, 222]);
        fixes.ShouldAllBe(f => f.Unit == "ANT-7" && f.Speed == 100 && f.Heading == 0);
        fixes.Zip(fixes.Skip(1)).ShouldAllBe(p => p.Second.Time > p.First.Time);
        fixes[0].Time!.Value.ShouldBeGreaterThanOrEqualTo(before);
        (fixes[^1].Time!.Value - fixes[0].Time!.Value).TotalMilliseconds.ShouldBe(72.05, 1);
        fixes[499].Time!.Value.ShouldBeLessThanOrEqualTo(_node.BatchReceivedAt[0]);
        fixes[0].Lat.ShouldBe(51.48);
        fixes[^1].Lat.ShouldBe(51.498);

        _node.Ended.ShouldHaveSingleItem().Outcome.ShouldBe("apprehended");
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith($"Operation {FakeOperationsHandler.OperationId} started: hot-pursuit, ANT-7 on short (2.0 km, 722 fixes at 100 km/h every 0.1 s, x1000)");
        lines[1].ShouldContain("  ANT-7  BE -> NL  BE-VAN -> NL-RE08  51.48");
        lines[2].ShouldBe($"Operation {FakeOperationsHandler.OperationId} ended: apprehended (722 fixes sent, 1 crossing(s))");
    }

    [Fact]
    public async Task Pursuit_WithAnOutcome_EndsWithIt()
    {
        var result = await _cli.RunAsync("simulate", "pursuit", "--route", _route, "--speed-up", "1000", "--outcome", "lost");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.Error);
        _node.Ended.ShouldHaveSingleItem().Outcome.ShouldBe("lost");
        _node.Batches.Count.ShouldBe(1);
    }
}
