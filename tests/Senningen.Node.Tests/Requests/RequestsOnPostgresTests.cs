using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Requests;

/// <summary>The request flow on PostgreSQL (the production store): migrations, the workflow's optimistic version and both timelines.</summary>
public sealed class RequestsOnPostgresTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"], Store.Postgres);

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task MaterialLoan_SubmittedAskedForMoreInformationSuppliedAndAccepted_OnPostgres()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var desk = await _network["NL"].SignedInAsync("liaison");
        var draft = await CreateAsync(officer, Create("material-loan", "NL", "urgent"));
        await DoAsync(officer, draft.Summary.Id, "submit");
        await WaitForStateAsync(desk, draft.Summary.Id, "received");

        await DoAsync(desk, draft.Summary.Id, "ask-information", "Which event exactly?");
        await WaitForStateAsync(officer, draft.Summary.Id, "more-information");
        await DoAsync(officer, draft.Summary.Id, "supply-information", "Club Brugge - Feyenoord, 3 March");
        await WaitForStateAsync(desk, draft.Summary.Id, "received");
        await DoAsync(desk, draft.Summary.Id, "accept");

        var accepted = await WaitForStateAsync(officer, draft.Summary.Id, "accepted");
        accepted.Timeline.Select(e => e.Action).ShouldBe(["submit", "receive", "ask-information", "supply-information", "accept"]);
        accepted.Summary.DeadlineStatus.ShouldBe("stopped", "the clock of a material loan stops at the decision");
    }
}
