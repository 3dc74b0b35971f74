using System.Net.Http.Json;
using Senningen.Contracts.Requests;
using Senningen.Node.Features.Requests.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Requests;

/// <summary>The demo's sample requests: drafted and submitted at start, received by the partner, not seeded twice on restart.</summary>
public sealed class DemoRequestsTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"],
        settings: _ => new Dictionary<string, string?> { ["Senningen:Requests:SeedDemo"] = "true" });

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task DemoSeeds_SubmittedRequestsReachThePartner_AndARestartSeedsNothingMore()
    {
        var ct = TestContext.Current.CancellationToken;
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var desk = await _network["NL"].SignedInAsync("liaison");

        var outbox = (await officer.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests?box=outbox", ct))!;
        // Submitted at start; the partner's receipt may already have come back by the time we look.
        outbox.Select(r => r.Type).ShouldBe(["special-units-crisis", "material-loan"], ignoreOrder: true);
        outbox.ShouldAllBe(r => r.State == "submitted" || r.State == "received");
        List<RequestSummary> inbox = [];
        await EventuallyAsync(async () =>
        {
            inbox = (await desk.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests?box=inbox", ct))!;
            return inbox.Count(r => r.State == "received" && r.RequestingCountry == "BE") == 2;
        }, "the Belgian samples arrive in the Dutch inbox");
        (await desk.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests/crisis/open", ct))!.ShouldHaveSingleItem().Type.ShouldBe("special-units-crisis");
        (await desk.GetFromJsonAsync<List<RequestSummary>>("api/v1/requests?box=outbox", ct))!.ShouldHaveSingleItem().Type.ShouldBe("investigative-action");

        await _network["BE"].StopAsync();
        await _network["BE"].StartAgainAsync();
        (await QueryAsync(_network["BE"], db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Requests, ct))).ShouldBe(3, "two sent, one received; the sample for Luxembourg, no partner here, is left out");
    }
}
