using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Operations;
using Senningen.Contracts.Users;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// Next links walk a whole list in the database, not a capped read: more hits than the old bound of 1,000, ties on the
/// receipt time broken by the id, a hit arriving mid-walk, and another zone's hits never in a page, on both stores.
/// </summary>
public sealed class KeysetPagingTests
{
    private const int Antwerp = 1_100;
    private const int Limburg = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Hits_FollowingTheNextLinks_YieldsEveryVisibleHitOnceInOrder_PastTheOldBound(Store store)
    {
        await using var node = await TestNode.StartAsync(store, "BE");
        await node.CreateAsync("controlroom-b", "CIC Limburg", Roles.ControlRoom, ["BE-VLI"], [Authorisations.HitNoHit]);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        // Three hits to a millisecond: the id alone orders them, so a page boundary inside a tie must neither drop nor repeat one.
        var antwerp = Enumerable.Range(0, Antwerp).Select(i => HitOf("BE-VAN", now.AddMilliseconds(-1 - i / 3))).ToList();
        var limburg = Enumerable.Range(0, Limburg).Select(i => HitOf("BE-VLI", now.AddMilliseconds(-1 - i))).ToList();
        await InsertAsync(node, [.. antwerp, .. limburg]);
        using var controlRoom = await node.SignedInAsync("controlroom");

        var older = HitOf("BE-VAN", now.AddSeconds(-2));

        var (walked, pages) = await WalkAsync(controlRoom, "api/v1/anpr/hits?limit=400",
            afterFirstPage: () => InsertAsync(node, [HitOf("BE-VAN", now), older]));

        // The newer hit inserted mid-walk falls before the cursor (an offset would have repeated the first page's last hit); the older one after it.
        walked.ShouldBe(InListOrder([.. antwerp, older]), "every Antwerp hit once, newest first, ties by id");
        pages.ShouldBe(3);
        using var other = await node.SignedInAsync("controlroom-b", OtherUnitUsers.Password);
        var (theirs, _) = await WalkAsync(other, "api/v1/anpr/hits?limit=15", afterFirstPage: () => Task.CompletedTask);
        theirs.ShouldBe(InListOrder(limburg), "another zone's hits are never counted nor shown");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("limit=1001")]
    public async Task Hits_ALimitOutOfItsRange_IsA400NamingLimit(string query)
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        using var controlRoom = await node.SignedInAsync("controlroom");

        using var response = await controlRoom.GetAsync("api/v1/anpr/hits?" + query, Ct);

        await ShouldBeRefusedAsync(response, "limit", "range");
    }

    [Fact]
    public async Task Hits_ACursorOfAnotherUser_OrAlteredOrOfAnotherList_IsA400NamingCursor()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(node, [.. Enumerable.Range(0, 3).Select(i => HitOf("BE-VAN", now.AddSeconds(-i)))]);
        await node.CreateAsync("controlroom-b", "CIC Limburg", Roles.ControlRoom, ["BE-VLI"], [Authorisations.HitNoHit]);
        using var controlRoom = await node.SignedInAsync("controlroom");
        using var other = await node.SignedInAsync("controlroom-b", OtherUnitUsers.Password);
        using var admin = await node.SignedInAsync("admin");
        using var first = await controlRoom.GetAsync("api/v1/anpr/hits?limit=1", Ct);
        var next = PagingTests.NextLink(first).ShouldNotBeNull().TrimStart('/');
        var cursor = next[(next.IndexOf("cursor=", StringComparison.Ordinal) + 7)..];

        using var foreign = await other.GetAsync(next, Ct);
        using var altered = await controlRoom.GetAsync(next[..^2] + (next[^2] == 'A' ? "B" : "A") + next[^1..], Ct);
        using var otherList = await admin.GetAsync("api/v1/admin/users?cursor=" + cursor, Ct);

        await ShouldBeRefusedAsync(foreign, "cursor", "cursor-invalid");
        await ShouldBeRefusedAsync(altered, "cursor", "cursor-invalid");
        await ShouldBeRefusedAsync(otherList, "cursor", "cursor-invalid");
    }

    [Fact]
    public async Task Operations_FollowingTheNextLinks_YieldsEachOnceNewestFirst_AndAnotherUnitSeesNoneOfThem()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        await node.CreateAsync("officer-b", "PZ Kempen", Roles.Officer, ["BE-VLI"], [Authorisations.HitNoHit, Authorisations.JointPost]);
        using var officer = await node.SignedInAsync("officer");
        var started = new List<OperationView>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await StartOperationAsync(officer, $"BE-1{i}"));
        }

        var (walked, pages) = await WalkAsync<OperationList>(officer, "api/v1/operations?limit=2", l => l.Operations.Select(o => o.Id),
            afterFirstPage: async () => await StartOperationAsync(officer, "BE-19"));
        using var other = await node.SignedInAsync("officer-b", OtherUnitUsers.Password);
        var (theirs, _) = await WalkAsync<OperationList>(other, "api/v1/operations?limit=2", l => l.Operations.Select(o => o.Id), () => Task.CompletedTask);

        walked.ShouldBe([.. started.OrderByDescending(o => o.StartedAt).ThenByDescending(o => o.Id.ToString(), StringComparer.Ordinal).Select(o => o.Id)]);
        pages.ShouldBe(3);
        theirs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Operations_TheOldTake_IsHonouredAndAnnouncedAsDeprecated_AndOutOfItsRangeIsA400NamingTake()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        using var officer = await node.SignedInAsync("officer");
        for (var i = 0; i < 3; i++)
        {
            await StartOperationAsync(officer, $"BE-2{i}");
        }

        using var taken = await officer.GetAsync("api/v1/operations?take=2", Ct);
        using var paged = await officer.GetAsync("api/v1/operations?limit=2", Ct);
        using var tooMany = await officer.GetAsync("api/v1/operations?take=501", Ct);
        using var none = await officer.GetAsync("api/v1/operations?take=0", Ct);
        using var badLimit = await officer.GetAsync("api/v1/operations?limit=501", Ct);

        (await taken.Content.ReadFromJsonAsync<OperationList>(Ct))!.Operations.Count.ShouldBe(2);
        PagingTests.NextLink(taken).ShouldNotBeNull().ShouldContain("limit=2");
        taken.Headers.GetValues("Deprecation").Single().ShouldStartWith("@");
        taken.Headers.Contains("Sunset").ShouldBeTrue();
        paged.Headers.Contains("Deprecation").ShouldBeFalse();
        await ShouldBeRefusedAsync(tooMany, "take", "range");
        await ShouldBeRefusedAsync(none, "take", "range");
        await ShouldBeRefusedAsync(badLimit, "limit", "range");
    }

    private static async Task<OperationView> StartOperationAsync(HttpClient officer, string unit)
    {
        using var response = await officer.PostAsJsonAsync("api/v1/operations",
            new StartOperationRequest("hot-pursuit", [new OperationUnitInput(unit, null, 2)], null, null, "Fleeing vehicle", "BE-VAN", null, null, null), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<OperationView>(Ct))!;
    }

    private static Task<(List<Guid> Ids, int Pages)> WalkAsync(HttpClient client, string first, Func<Task> afterFirstPage) =>
        WalkAsync<List<HitView>>(client, first, hits => hits.Select(h => h.Id), afterFirstPage);

    private static async Task<(List<Guid> Ids, int Pages)> WalkAsync<TBody>(HttpClient client, string first, Func<TBody, IEnumerable<Guid>> idsOf,
        Func<Task> afterFirstPage)
    {
        var ids = new List<Guid>();
        var pages = 0;
        for (string? next = first; next is not null; pages++)
        {
            using var response = await client.GetAsync(next, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            ids.AddRange(idsOf((await response.Content.ReadFromJsonAsync<TBody>(Ct))!));
            next = PagingTests.NextLink(response)?.TrimStart('/');
            if (pages == 0)
            {
                await afterFirstPage();
            }
        }

        return (ids, pages);
    }

    // The database's order: receipt time, then the id as both stores sort it (its lower-case text, ordinal).
    private static List<Guid> InListOrder(List<Hit> hits) =>
        [.. hits.OrderByDescending(h => h.ReceivedAt).ThenByDescending(h => h.Id.ToString(), StringComparer.Ordinal).Select(h => h.Id)];

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string field, string rule)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
        problem.Errors!.Select(e => (e.Field, e.Rule)).ShouldBe([(field, rule)]);
    }

    private static async Task InsertAsync(TestNode node, IReadOnlyList<Hit> hits)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        db.AnprHits.AddRange(hits);
        await db.SaveChangesAsync(Ct);
    }

    private static Hit HitOf(string zone, DateTimeOffset receivedAt)
    {
        var plate = $"KS{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        return new Hit
        {
            Id = Guid.NewGuid(), Plate = plate, CanonicalKey = plate, Country = "BE", Confidence = 0.97, ObservedAt = receivedAt, Lat = 51.2, Lon = 4.4,
            CameraId = "cam-keyset", CameraName = "Keyset", Zone = zone, EntryId = "entry-keyset", EntryPlate = plate,
            Category = HotlistCategory.StolenVehicle, Action = HotlistAction.ReportOnly, Owner = CountryCode.Parse("BE"), Score = 1, ReceivedAt = receivedAt,
        };
    }
}
