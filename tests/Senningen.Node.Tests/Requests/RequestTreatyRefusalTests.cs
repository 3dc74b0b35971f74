using System.Net;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Features.Requests.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>
/// The Dutch node reads a catalogue in which investigative actions between Belgium and the Netherlands are not yet in
/// force; the Belgian node reads the shipped one. A Dutch draft is refused with 403 naming the rule before anything is
/// kept or sent; a Belgian request, allowed in Belgium's reading, is refused by the Dutch node on arrival, naming the rule.
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

        // The request types and the retention table are read from the treaty directory's subfolders.
        foreach (var folder in new[] { "requests", "retention" })
        {
            Directory.CreateDirectory(Path.Combine(_treaty, folder));
            foreach (var file in Directory.GetFiles(Path.Combine(shipped, folder), "*.yaml"))
            {
                File.Copy(file, Path.Combine(_treaty, folder, Path.GetFileName(file)));
            }
        }

        var path = Path.Combine(_treaty, "investigative-action.yaml");
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        foreach (var (acting, host) in new[] { ("BE", "NL"), ("NL", "BE") })
        {
            var inForce = $"acting: {acting}\n    host: {host}\n    allowed: true\n    effectiveFrom: 2023-10-01";
            var first = text.IndexOf(inForce, StringComparison.Ordinal);
            first.ShouldBeGreaterThan(0);
            text = text[..first] + inForce.Replace("2023-10-01", "2099-01-01", StringComparison.Ordinal) + text[(first + inForce.Length)..];
        }

        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        _network = await TestNetwork.StartAsync(["BE", "NL"], settings: country => country == "NL" ? new Dictionary<string, string?> { ["Senningen:Treaty:Directory"] = _treaty } : []);
    }

    public async ValueTask DisposeAsync()
    {
        await _network.DisposeAsync();
        Directory.Delete(_treaty, recursive: true);
    }

    [Fact]
    public async Task TypeTheTreatyDoesNotAllowForThePair_Is403NamingTheRule_AndNothingIsKeptOrSent()
    {
        var nl = _network["NL"];
        using var officer = await nl.SignedInAsync("officer");

        var response = await officer.PostAsync("api/v1/requests", System.Net.Http.Json.JsonContent.Create(Create("investigative-action", "BE")),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var problem = await ProblemAsync(response);
        problem.Type.ShouldBe("urn:senningen:problem:request-refused");
        problem.Errors!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("type"), e => e.Rule.ShouldBe("investigative-action-not-yet-in-force"));
        (await QueryAsync(nl, db => db.Requests.CountAsync())).ShouldBe(0);
        (await QueryAsync(nl, db => db.Outbox.CountAsync())).ShouldBe(0);
        (await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Action == "request.create" && e.Outcome == "denied"))).ShouldBe(1);
    }

    [Fact]
    public async Task RequestTheRequestedNodesCatalogueDoesNotAllow_IsRefusedOnArrival_NamingTheRule()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        var draft = await CreateAsync(officer, Create("investigative-action", "NL"));
        await DoAsync(officer, draft.Summary.Id, "submit");

        var refused = await WaitForStateAsync(officer, draft.Summary.Id, "refused");

        refused.Timeline.Select(e => (e.Action, e.Country)).ShouldBe([("submit", "BE"), ("receive", "NL"), ("refuse", "NL")]);
        refused.Timeline[^1].Reason.ShouldBe("investigative-action-not-yet-in-force");
    }
}
