using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Node.Features.Operations.Data;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;

namespace Senningen.Node.Tests.Operations;

/// <summary>Bad starts and bad fixes get problem+json naming the field and rule; the good fixes of a batch are kept.</summary>
public sealed class OperationsBadInputTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "BE",
        settings: new Dictionary<string, string?> { ["Senningen:Operations:MaxFixesPerBatch"] = "50" });

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"units\":[{\"callSign\":\"A\"}],\"reason\":\"x\",\"homeZone\":\"BE-VAN\"}", "type", "required")]
    [InlineData("{\"type\":\"picnic\",\"units\":[{\"callSign\":\"A\"}],\"reason\":\"x\",\"homeZone\":\"BE-VAN\"}", "type", "one-of")]
    [InlineData("{\"type\":\"hot-pursuit\",\"units\":[],\"reason\":\"x\",\"homeZone\":\"BE-VAN\"}", "units", "range")]
    [InlineData("{\"type\":\"hot-pursuit\",\"units\":[{\"callSign\":\"A\"},{\"callSign\":\"a\"}],\"reason\":\"x\",\"homeZone\":\"BE-VAN\"}", "units[1].callSign", "unique")]
    [InlineData("{\"type\":\"hot-pursuit\",\"units\":[{\"callSign\":\"A\"}],\"homeZone\":\"BE-VAN\"}", "reason", "required")]
    [InlineData("{\"type\":\"hot-pursuit\",\"units\":[{\"callSign\":\"A\"}],\"reason\":\"x\",\"homeZone\":\"NL-RE08\"}", "homeZone", "one-of")]
    [InlineData("{\"type\":\"hot-pursuit\",\"units\":[{\"callSign\":\"A\"}],\"reason\":\"x\"}", "homeZone", "required")]
    [InlineData("{\"type\":\"observation-planned\",\"units\":[{\"callSign\":\"A\"}],\"reason\":\"x\",\"homeZone\":\"BE-VAN\"}", "authorisationReference", "required")]
    [InlineData("{\"type\":\"hot-pursuit\",\"units\":[{\"callSign\":\"A\",\"officers\":0}],\"reason\":\"x\",\"homeZone\":\"BE-VAN\"}", "units[0].officers", "range")]
    public async Task Start_WithABadField_IsRefusedNamingFieldAndRule(string body, string field, string rule)
    {
        using var officer = await _node.SignedInAsync("officer");

        var response = await officer.PostAsync("api/v1/operations", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        problem!.Errors!.ShouldContain(e => e.Field == field && e.Rule == rule, await response.Content.ReadAsStringAsync(Ct));
        (await QueryAsync(_node, db => db.Operations.CountAsync(Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Positions_BadFixesAreRejectedOneByOne_AndTheValidOnesAreKept()
    {
        using var officer = await _node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P1");
        var now = DateTimeOffset.UtcNow;
        PositionFixInput?[] fixes =
        [
            new("BE-P1", 51.2, 4.4, now.AddSeconds(-3), 50, 90, 5),
            new("BE-P1", 95, 4.4, now.AddSeconds(-2), null, null, null),
            new("BE-P1", 51.2, -181, now.AddSeconds(-2), null, null, null),
            new("BE-P1", 51.2, 4.4, now.AddDays(1), null, null, null),
            new("BE-P1", 51.2, 4.4, now.AddDays(-1), null, null, null),
            new("ghost", 51.2, 4.4, now.AddSeconds(-1), null, null, null),
            new("BE-P1", 51.2, 4.4, now.AddSeconds(-1), -5, null, null),
            new("BE-P1", null, 4.4, now.AddSeconds(-1), null, null, null),
            null,
            new("BE-P1", 51.2001, 4.4001, now.AddSeconds(-2), 50, 90, 5),
            new("BE-P1", 51.2, 4.4, now.AddSeconds(-3), 50, 90, 5),
        ];

        var response = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(fixes), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!;
        result.Accepted.ShouldBe(2);
        result.Duplicates.ShouldBe(1);
        result.Rejected.Select(r => (r.Index, r.Field)).ShouldBe(
            [(1, "lat"), (2, "lon"), (3, "time"), (4, "time"), (5, "unit"), (6, "speed"), (7, "lat"), (8, "fixes")]);
        (await QueryAsync(_node, db => db.UnitFixes.CountAsync(Ct))).ShouldBe(2);
    }

    [Fact]
    public async Task Positions_RefusedFixes_AreCountedOnTheOperationByReason_InTheReadersLanguage()
    {
        using var officer = await _node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P1");
        var now = DateTimeOffset.UtcNow;
        PositionFixInput?[] first =
        [
            new("BE-P1", 51.2, 4.4, now.AddSeconds(-3), 520, 90, 5),
            new("BE-P1", 51.2, 4.4, now.AddDays(1), 50, 90, 5),
            new("BE-P1", 51.2, 4.4, now.AddSeconds(-2), 50, 90, 5),
        ];
        PositionFixInput?[] second = [new("BE-P1", 51.2, 4.4, now.AddSeconds(-1), 600, 90, 5), new("ghost", 51.2, 4.4, now, 50, 90, 5)];

        await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(first), Ct);
        await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(second), Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/operations/{operation.Id}");
        request.Headers.AcceptLanguage.ParseAdd("nl");
        var view = (await (await officer.SendAsync(request, Ct)).Content.ReadFromJsonAsync<OperationView>(Ct))!;

        view.RefusedFixes.Select(r => (r.Reason, r.Count)).ShouldBe([("speed", 2), ("future", 1), ("unit", 1)]);
        view.RefusedFixes[0].Text.ShouldBe("onmogelijke snelheid (meer dan 500 km/u)");
        view.RefusedFixes[0].LastAt.ShouldBeInRange(now.AddSeconds(-1), DateTimeOffset.UtcNow);
        (await QueryAsync(_node, db => db.UnitFixes.CountAsync(Ct))).ShouldBe(1);
        var listed = await officer.GetFromJsonAsync<OperationList>("api/v1/operations", Ct);
        listed!.Operations.Single(o => o.Id == operation.Id).RefusedFixes.Sum(r => r.Count).ShouldBe(4);
    }

    [Fact]
    public async Task Positions_NotANumberInJson_IsRejectedNamingTheField()
    {
        using var officer = await _node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P1");
        const string body = "{\"fixes\":[{\"unit\":\"BE-P1\",\"lat\":\"NaN\",\"lon\":4.4,\"time\":\"2026-01-01T00:00:00Z\"}]}";

        var response = await officer.PostAsync($"api/v1/operations/{operation.Id}/positions", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        // The web JSON defaults read numbers from strings, "NaN" included: the fix is refused by the range rule.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!;
        result.Accepted.ShouldBe(0);
        result.Rejected.ShouldHaveSingleItem().Field.ShouldBe("lat");
    }

    [Fact]
    public async Task Positions_OverTheBatchLimit_UnknownOperation_AndEndedOperation_AreProblems()
    {
        using var officer = await _node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P1");
        var tooMany = Line("BE-P1", (51.2, 4.4), (51.3, 4.4), DateTimeOffset.UtcNow.AddMinutes(-5)).Take(51).ToList();

        var big = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(tooMany), Ct);
        var unknown = await officer.PostAsJsonAsync($"api/v1/operations/{Guid.NewGuid()}/positions", new PositionBatch(tooMany[..1]), Ct);
        await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("lost", null), Ct);
        var ended = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(tooMany[..1]), Ct);

        big.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await big.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "fixes" && e.Rule == "range");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ended.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await QueryAsync(_node, db => db.UnitFixes.CountAsync(Ct))).ShouldBe(0);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"outcome\":\"\",\"note\":\"x\"}")]
    public async Task End_WithoutAnOutcome_IsRefusedAsRequired_AndTheOperationStaysActive(string body)
    {
        using var officer = await _node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P1");

        var response = await officer.PostAsync($"api/v1/operations/{operation.Id}/end", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "outcome" && e.Rule == "required");
        (await officer.GetFromJsonAsync<OperationView>($"api/v1/operations/{operation.Id}", Ct))!.Status.ShouldBe("active");
    }

    [Fact]
    public async Task End_WithAnUnknownOutcome_IsRefused_AndTheOperationStaysActive()
    {
        using var officer = await _node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P1");

        var response = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("vanished", null), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "outcome" && e.Rule == "one-of");
        var view = await officer.GetFromJsonAsync<OperationView>($"api/v1/operations/{operation.Id}", Ct);
        view!.Status.ShouldBe("active");
    }

    [Fact]
    public async Task AnOfficer_CannotReadPartnerAlerts_AndADpoCannotStartOperations()
    {
        using var officer = await _node.SignedInAsync("officer");
        using var dpo = await _node.SignedInAsync("dpo");

        (await officer.GetAsync("api/v1/alerts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dpo.PostAsJsonAsync("api/v1/operations", new StartOperationRequest("hot-pursuit", null, null, null, null, null, null, null, null), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
