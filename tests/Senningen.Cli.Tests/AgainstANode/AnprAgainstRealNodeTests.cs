using System.Globalization;
using System.Net.Http.Json;
using Senningen.Contracts.Anpr;
using Senningen.Testing;

namespace Senningen.Cli.Tests.AgainstANode;

/// <summary>senn anpr against a real Belgian node: a hotlist imported from a file, then camera reads replayed into it.</summary>
public sealed class AnprAgainstRealNodeTests : IAsyncLifetime
{
    private const string Camera = "BE-CLI-E19";
    private TestNode _node = null!;
    private readonly CliHarness _cli = new();

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(country: "BE");
        using var admin = await _node.SignedInAsync("admin");
        var registered = await admin.PostAsJsonAsync("api/v1/anpr/cameras",
            new RegisterCameraRequest(Camera, "Federale Politie", "E19 Meer, test lane", 51.479, 4.750, "N", "police", null, null), Ct);
        registered.IsSuccessStatusCode.ShouldBeTrue(await registered.Content.ReadAsStringAsync(Ct));
        _cli.Stdin = "demo\n";
        (await _cli.RunAsync("--node", Node, "login", "--username", "admin", "--password-stdin")).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _node.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Node => _node.BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task HotlistImport_DryRunListsTheBadLineAndImportsNothing_ThenTheRealImportAddsTheGoodLines()
    {
        var csv = Write("hotlist.csv",
            "plate,category,action,validFrom,validTo,owner,assessment\n1-ABC-123,stolen-vehicle,,,,,\n2-XYZ-987,picnic,,,,,\nAB-123-CD,stolen-plate,,,,,\n");

        // A node in demo mode lists a few fictitious entries of its own.
        var before = await ListedAsync();
        var dry = await _cli.RunAsync("--node", Node, "anpr", "hotlist", "import", csv, "--dry-run");
        var afterDry = await ListedAsync();
        var real = await _cli.RunAsync("--node", Node, "anpr", "hotlist", "import", csv);

        dry.ExitCode.ShouldBe(1, dry.Error);
        dry.SingleErrorLine().ShouldBe("senn: 1 line(s) rejected (listed above)");
        dry.Out.ShouldContain("Dry run: 2 line(s) valid, 1 rejected; nothing imported");
        dry.Out.Split('\n').ShouldContain(l => l.StartsWith("3 ", StringComparison.Ordinal) && l.Contains("category", StringComparison.Ordinal));
        afterDry.ShouldBe(before);
        real.SingleErrorLine().ShouldBe("senn: 1 line(s) rejected (listed above); the valid lines were imported");
        real.Out.ShouldContain("Imported: 2 added, 0 updated, 1 rejected");
        (await ListedAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task Replay_SendsTheFileAtTheRate_AndPrintsTheHitOnAListedPlate()
    {
        var hotlist = Write("stolen.json", """[{"plate":"1-ABC-123","category":"stolen-vehicle"}]""");
        (await _cli.RunAsync("--node", Node, "anpr", "hotlist", "import", hotlist)).ExitCode.ShouldBe(0);
        var old = DateTimeOffset.UtcNow.AddDays(-3).ToString("O", CultureInfo.InvariantCulture);
        var reads = Enumerable.Range(0, 40).Select(i => i == 17
                ? $$"""{"cameraId":"{{Camera}}","plate":"1ABC123","confidence":0.93,"observedAt":"{{old}}"}"""
                : $$"""{"cameraId":"{{Camera}}","plate":"1-KLM-{{100 + i}}","confidence":0.9,"observedAt":"{{old}}"}""")
            .Prepend("").ToList();
        var file = Write("reads.ndjson", string.Join('\n', reads));

        var replay = await _cli.RunAsync("--node", Node, "anpr", "replay", file, "--rate", "400", "--batch", "10", "--restamp");

        replay.ExitCode.ShouldBe(0, replay.Error);
        replay.Out.ShouldContain("HIT 1ABC123 at E19 Meer, test lane: stolen-vehicle");
        replay.Out.ShouldContain("40 read(s) sent");
        replay.Out.ShouldContain("40 accepted, 0 rejected, 1 hit(s) shown");
    }

    [Fact]
    public async Task Replay_ReportsARejectedReadByItsLineInTheFile()
    {
        var file = Write("bad.ndjson", $$"""
            {"cameraId":"{{Camera}}","plate":"1-KLM-100","confidence":0.9,"observedAt":"{{DateTimeOffset.UtcNow:O}}"}

            {"cameraId":"nowhere","plate":"1-KLM-101","confidence":0.9,"observedAt":"{{DateTimeOffset.UtcNow:O}}"}
            """);

        var replay = await _cli.RunAsync("--node", Node, "anpr", "replay", file);

        replay.ExitCode.ShouldBe(1);
        replay.SingleErrorLine().ShouldBe("senn: 1 read(s) rejected (listed above); the others were kept");
        replay.Out.ShouldContain("REJECTED line 3: cameraId");
        replay.Out.ShouldContain("1 accepted, 1 rejected");
    }

    [Theory]
    [InlineData("--rate", "0")]
    [InlineData("--batch", "9999")]
    public async Task Replay_WithAnOptionOutOfRange_IsAUsageError(string option, string value)
    {
        var file = Write("any.ndjson", "{}");

        var replay = await _cli.RunAsync("--node", Node, "anpr", "replay", file, option, value);

        replay.ExitCode.ShouldBe(2);
        replay.SingleErrorLine().ShouldContain(option);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_cli.ConfigDir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<int> ListedAsync()
    {
        using var admin = await _node.SignedInAsync("admin");
        return (await admin.GetFromJsonAsync<List<HotlistEntryView>>("api/v1/anpr/hotlist", Ct))!.Count;
    }
}
