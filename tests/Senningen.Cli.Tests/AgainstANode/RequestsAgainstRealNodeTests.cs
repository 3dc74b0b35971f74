using System.Net.Http.Json;
using System.Text.Json;
using Senningen.Contracts.Requests;
using Senningen.Testing;

namespace Senningen.Cli.Tests.AgainstANode;

/// <summary>senn requests against a real Belgian node wired to a Dutch one: the outbox, one request, and its form as JSON.</summary>
public sealed class RequestsAgainstRealNodeTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TestNetwork _network = null!;
    private readonly CliHarness _cli = new();
    private RequestView _request = null!;

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL"]);
        using var officer = await _network["BE"].SignedInAsync("officer");
        var created = await officer.PostAsJsonAsync("api/v1/requests", new
        {
            type = "material-loan", partner = "NL", caseReference = "BE-CLI-1",
            fields = new { item = "Drone", quantity = 2, from = "2027-03-01", until = "2027-03-03", purpose = "Search", returnCondition = "As lent", costs = "shared" },
        }, Ct);
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync(Ct));
        _request = (await created.Content.ReadFromJsonAsync<RequestView>(Ct))!;
        _cli.Stdin = "demo\n";
        (await _cli.RunAsync("--node", Node, "login", "--username", "officer", "--password-stdin")).ExitCode.ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _network.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Node => _network["BE"].BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task ListShowAndExport_TellTheSameRequest()
    {
        var list = await _cli.RunAsync("--node", Node, "requests", "list", "--box", "outbox");
        var show = await _cli.RunAsync("--node", Node, "requests", "show", _request.Summary.Id.ToString());
        var export = await _cli.RunAsync("--node", Node, "requests", "export", _request.Summary.Id.ToString(), "--format", "json", "--lang", "fr");

        list.ExitCode.ShouldBe(0, list.Error);
        list.Out.ShouldContain(_request.Summary.Reference);
        list.Out.ShouldContain("material-loan");
        show.ExitCode.ShouldBe(0, show.Error);
        show.Out.ShouldContain(_request.Summary.Reference);
        show.Out.ShouldContain("Drone");
        export.ExitCode.ShouldBe(0, export.Error);
        var form = JsonSerializer.Deserialize<RequestFormView>(export.Out, Json)!;
        (form.Id, form.Language, form.TypeName).ShouldBe((_request.Summary.Id, "fr", "Prêt de matériel"));
        form.Fields.ShouldContain(f => f.Name == "costs" && f.Display == "Partagés");
    }

    [Fact]
    public async Task Export_InAnotherFormat_OrOfAnUnknownRequest_Fails()
    {
        var csv = await _cli.RunAsync("--node", Node, "requests", "export", _request.Summary.Id.ToString(), "--format", "csv");
        var unknown = await _cli.RunAsync("--node", Node, "requests", "show", Guid.NewGuid().ToString());

        csv.ExitCode.ShouldNotBe(0);
        csv.Error.ShouldContain("format");
        unknown.ExitCode.ShouldNotBe(0);
    }
}
