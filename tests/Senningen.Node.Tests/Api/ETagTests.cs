using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// A client that polls sends back the ETag it has: while nothing changed it gets 304 without a body. The read is
/// still a read of personal data, so each poll is audited as before, 304 or not (ADR 0026).
/// </summary>
public sealed class ETagTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "BE");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operation_PolledWithItsETag_Is304WithoutABody_UntilItChanges_AndEveryPollIsAudited()
    {
        using var officer = await _node.SignedInAsync("officer");
        using var started = await officer.PostAsJsonAsync("api/v1/operations",
            new StartOperationRequest("hot-pursuit", [new OperationUnitInput("BE-7", null, 2)], null, null, "Fleeing vehicle", "BE-VAN", null, null, null), Ct);
        var id = (await started.Content.ReadFromJsonAsync<OperationView>(Ct))!.Id;
        var readsBefore = await ReadsAsync(id);

        using var first = await officer.GetAsync($"api/v1/operations/{id}", Ct);
        var tag = first.Headers.ETag!;
        using var again = await Conditional(officer, $"api/v1/operations/{id}", tag.Tag);
        (await officer.PostAsJsonAsync($"api/v1/operations/{id}/end", new EndOperationRequest("taken-over-by-host", null), Ct))
            .EnsureSuccessStatusCode();
        using var changed = await Conditional(officer, $"api/v1/operations/{id}", tag.Tag);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        tag.IsWeak.ShouldBeFalse();
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();
        again.Headers.ETag!.Tag.ShouldBe(tag.Tag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldNotBe(tag.Tag);
        (await changed.Content.ReadFromJsonAsync<OperationView>(Ct))!.Id.ShouldBe(id);
        (await ReadsAsync(id)).ShouldBe(readsBefore + 3);
    }

    [Fact]
    public async Task AlertsFirstPage_AnotherOrAListOfTags_AnswersAsTheTagsSay()
    {
        using var controlRoom = await _node.SignedInAsync("controlroom");
        using var first = await controlRoom.GetAsync("api/v1/alerts", Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var other = await Conditional(controlRoom, "api/v1/alerts", "\"not-this-one\"");
        using var listed = await Conditional(controlRoom, "api/v1/alerts", "\"not-this-one\", " + first.Headers.ETag!.Tag);

        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag.Tag);
        listed.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        first.Headers.CacheControl!.Private.ShouldBeTrue();
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient client, string path, string tags)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", tags);
        return await client.SendAsync(request, Ct);
    }

    private async Task<int> ReadsAsync(Guid id)
    {
        await using var scope = _node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return await db.AuditEntries.CountAsync(e => e.Action == AuditActions.OperationRead && e.Records.Contains(id.ToString()), Ct);
    }
}
