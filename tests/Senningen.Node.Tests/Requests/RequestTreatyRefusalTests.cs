using System.Net;
using Microsoft.EntityFrameworkCore;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>
/// A catalogue in which the Belgian investigative action in the Netherlands is not yet in force: the request is refused
/// with 403 naming the catalogue rule, before anything is kept or sent.
/// </summary>
public sealed class RequestTreatyRefusalTests : IAsyncLifetime
{
    private readonly string _treaty = Directory.CreateTempSubdirectory("senningen-treaty-").FullName;
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "treaty");
        foreach (var file in Directory.GetFiles(shipped, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_treaty, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(_treaty, "requests"));
        foreach (var file in Directory.GetFiles(Path.Combine(shipped, "requests"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(_treaty, "requests", Path.GetFileName(file)));
        }

        var path = Path.Combine(_treaty, "investigative-action.yaml");
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        const string InForce = "acting: BE\n    host: NL\n    allowed: true\n    effectiveFrom: 2023-10-01";
        var first = text.IndexOf(InForce, StringComparison.Ordinal);
        first.ShouldBeGreaterThan(0);
        text = text[..first] + InForce.Replace("2023-10-01", "2099-01-01", StringComparison.Ordinal) + text[(first + InForce.Length)..];
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        _network = await TestNetwork.StartAsync(["BE", "NL"], settings: _ => new Dictionary<string, string?> { ["Senningen:Treaty:Directory"] = _treaty });
    }

    public async ValueTask DisposeAsync()
    {
        await _network.DisposeAsync();
        Directory.Delete(_treaty, recursive: true);
    }

    [Fact]
    public async Task TypeTheTreatyDoesNotAllowForThePair_Is403NamingTheRule_AndNothingIsKeptOrSent()
    {
        var be = _network["BE"];
        using var officer = await be.SignedInAsync("officer");

        var response = await officer.PostAsync("api/v1/requests", System.Net.Http.Json.JsonContent.Create(Create("investigative-action", "NL")),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var problem = await ProblemAsync(response);
        problem.Type.ShouldBe("urn:senningen:problem:request-refused");
        problem.Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("type"), e => e.Rule.ShouldBe("investigative-action-not-yet-in-force"));
        (await QueryAsync(be, db => db.Requests.CountAsync())).ShouldBe(0);
        (await QueryAsync(be, db => db.Outbox.CountAsync())).ShouldBe(0);
        (await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Action == "request.create" && e.Outcome == "denied"))).ShouldBe(1);

        // The other direction is in force: a Dutch hearing in Belgium is not touched by the change.
        using var dutch = await _network["NL"].SignedInAsync("officer");
        await CreateAsync(dutch, Create("investigative-action", "BE"));
    }
}
