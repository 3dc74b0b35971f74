using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Audit;
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

    [Fact]
    public async Task Hotlist_FollowingTheNextLinks_YieldsEachEntryOnceLatestChangeFirst_TiesByIdAcrossPages()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        // Pairs changed in the same millisecond: a page boundary inside a pair must neither drop nor repeat one.
        await InsertAsync(node, Enumerable.Range(0, 7).Select(i => ListedOf(now.AddMilliseconds(-(i / 2)))).ToList());
        using var desk = await node.SignedInAsync("liaison");

        var (walked, pages) = await WalkAsync<List<HotlistEntryView>>(desk, "api/v1/anpr/hotlist?limit=3", l => l.Select(e => e.Id), () => Task.CompletedTask);
        using var whole = await desk.GetAsync("api/v1/anpr/hotlist?limit=1000", Ct);

        var stored = await QueryAsync(node, db => db.AnprHotlist.Select(e => new { e.Id, e.UpdatedAt }).ToListAsync(Ct));
        walked.ShouldBe([.. stored.OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.Id.ToString(), StringComparer.Ordinal).Select(e => e.Id)]);
        walked.Count.ShouldBeGreaterThanOrEqualTo(7);
        pages.ShouldBe((walked.Count + 2) / 3);
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        PagingTests.NextLink(whole).ShouldBeNull();
    }

    [Theory]
    [InlineData("limit=0", "limit", "range")]
    [InlineData("limit=1001", "limit", "range")]
    [InlineData("limit=many", "limit", "range")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor", "cursor-invalid")]
    [InlineData("category=stolen-bicycle", "category", "one-of")]
    public async Task Hotlist_ABadLimitCursorOrCategory_IsA400NamingIt_AndNothingIsRead(string query, string field, string rule)
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        using var desk = await node.SignedInAsync("liaison");

        using var response = await desk.GetAsync("api/v1/anpr/hotlist?" + query, Ct);

        await ShouldBeRefusedAsync(response, field, rule);
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Action == "anpr.hotlist-read", Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Hotlist_ACursorAlteredByOneCharacter_IsA400NamingCursor()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(node, [ListedOf(now), ListedOf(now.AddSeconds(-1))]);
        using var desk = await node.SignedInAsync("liaison");
        using var first = await desk.GetAsync("api/v1/anpr/hotlist?limit=1", Ct);
        var next = PagingTests.NextLink(first).ShouldNotBeNull().TrimStart('/');

        using var altered = await desk.GetAsync(next[..^2] + (next[^2] == 'A' ? "B" : "A") + next[^1..], Ct);

        await ShouldBeRefusedAsync(altered, "cursor", "cursor-invalid");
    }

    [Fact]
    public async Task AuditEntries_FollowingTheNextLinks_YieldsEachEntryOnceNewestFirst_WithTheTotal_AndLaterReadsDoNotSlipIn()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        await WriteAuditAsync(node, "keyset-walker", 7);
        using var dpo = await node.SignedInAsync("dpo");

        var totals = new List<long>();
        var (walked, pages) = await WalkKeysAsync<AuditPage, long>(dpo, "api/v1/audit/entries?user=keyset-walker&limit=3", p =>
        {
            totals.Add(p.Total);
            return p.Entries.Select(e => e.Sequence);
        }, afterFirstPage: () => WriteAuditAsync(node, "keyset-walker", 1));

        var stored = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Actor == "keyset-walker").Select(e => e.Sequence).ToListAsync(Ct));
        // The entry written after the first page is newer than its cursor: the walk goes on past it, it is on no page.
        walked.ShouldBe([.. stored.Order().SkipLast(1).Reverse()]);
        pages.ShouldBe(3);
        totals.ShouldBe([7, 8, 8]);
    }

    [Fact]
    public async Task AuditEntries_TheOldPageAndPageSize_AreHonouredAndAnnouncedAsDeprecated_AndTheNextLinkGoesOnByCursor()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        await WriteAuditAsync(node, "keyset-walker", 7);
        using var dpo = await node.SignedInAsync("dpo");
        var newestFirst = (await QueryAsync(node, db => db.AuditEntries.Where(e => e.Actor == "keyset-walker").Select(e => e.Sequence).ToListAsync(Ct)))
            .OrderDescending().ToList();

        using var second = await dpo.GetAsync("api/v1/audit/entries?user=keyset-walker&page=2&pageSize=3", Ct);
        var page = (await second.Content.ReadFromJsonAsync<AuditPage>(Ct))!;
        var next = PagingTests.NextLink(second).ShouldNotBeNull().TrimStart('/');
        using var third = await dpo.GetAsync(next, Ct);
        using var paged = await dpo.GetAsync("api/v1/audit/entries?user=keyset-walker&limit=3", Ct);

        page.Entries.Select(e => e.Sequence).ShouldBe(newestFirst[3..6]);
        (page.Page, page.PageSize, page.Total).ShouldBe((2, 3, 7));
        next.ShouldContain("limit=3");
        second.Headers.GetValues("Deprecation").Single().ShouldStartWith("@");
        second.Headers.Contains("Sunset").ShouldBeTrue();
        (await third.Content.ReadFromJsonAsync<AuditPage>(Ct))!.Entries.Select(e => e.Sequence).ShouldBe(newestFirst[6..]);
        PagingTests.NextLink(third).ShouldBeNull();
        paged.Headers.Contains("Deprecation").ShouldBeFalse();
    }

    [Theory]
    [InlineData("api/v1/audit/entries", "limit=0", "limit", "range")]
    [InlineData("api/v1/audit/entries", "limit=501", "limit", "range")]
    [InlineData("api/v1/audit/entries", "pageSize=501", "pageSize", "range")]
    [InlineData("api/v1/audit/entries", "page=0", "page", "range")]
    [InlineData("api/v1/audit/entries", "cursor=bm90LWEtY3Vyc29y", "cursor", "cursor-invalid")]
    [InlineData("api/v1/exchange/messages", "limit=0", "limit", "range")]
    [InlineData("api/v1/exchange/messages", "limit=501", "limit", "range")]
    [InlineData("api/v1/exchange/messages", "pageSize=0", "pageSize", "range")]
    [InlineData("api/v1/exchange/messages", "page=100001", "page", "range")]
    [InlineData("api/v1/exchange/messages", "cursor=bm90LWEtY3Vyc29y", "cursor", "cursor-invalid")]
    public async Task AuditEntriesAndExchangeMessages_ABadPageParameter_IsA400NamingIt(string list, string query, string field, string rule)
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        using var reader = await node.SignedInAsync(list.Contains("audit", StringComparison.Ordinal) ? "dpo" : "admin");
        var reads = await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Action == "audit.read", Ct));

        using var response = await reader.GetAsync($"{list}?{query}", Ct);

        await ShouldBeRefusedAsync(response, field, rule);
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Action == "audit.read", Ct))).ShouldBe(reads);
    }

    [Fact]
    public async Task ExchangeMessages_FollowingTheNextLinks_YieldsEachOnceNewestFirst_AndTheOldPageSizeIsDeprecated()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var belgium = network["BE"];
        await Exchange.ExchangeHelpers.EnqueueAsync(belgium, "NL", 5);
        using var admin = await belgium.SignedInAsync("admin");

        var (walked, pages) = await WalkAsync<Contracts.Exchange.ExchangeMessagePage>(admin, "api/v1/exchange/messages?direction=out&limit=2",
            p => p.Messages.Select(m => m.Id), () => Exchange.ExchangeHelpers.EnqueueAsync(belgium, "NL", 1));
        using var old = await admin.GetAsync("api/v1/exchange/messages?direction=out&pageSize=2", Ct);

        var stored = await QueryAsync(belgium, db => db.Outbox.Select(m => new { m.Id, m.CreatedAt }).ToListAsync(Ct));
        var inOrder = stored.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id.ToString(), StringComparer.Ordinal).Select(m => m.Id).ToList();
        // The message queued after the first page is newer than its cursor: on no page of this walk.
        walked.ShouldBe(inOrder[1..]);
        pages.ShouldBe((walked.Count + 1) / 2);
        (await old.Content.ReadFromJsonAsync<Contracts.Exchange.ExchangeMessagePage>(Ct))!.Messages.Select(m => m.Id).ShouldBe(inOrder[..2]);
        old.Headers.Contains("Deprecation").ShouldBeTrue();
        PagingTests.NextLink(old).ShouldNotBeNull().ShouldContain("limit=2");
    }

    private static async Task WriteAuditAsync(TestNode node, string actor, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Common.Audit.AuditLog>().WriteAsync(
                new Common.Audit.AuditRecord(Common.Audit.AuditActions.AnprHotlistRead, Common.Audit.AuditOutcomes.Success, Detail: $"keyset walk {i}"),
                new Common.Audit.Actor(actor, "Keyset unit", "BE"), Ct);
        }
    }

    private static async Task InsertAsync(TestNode node, IReadOnlyList<ListedPlate> entries)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        db.AnprHotlist.AddRange(entries);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<T> QueryAsync<T>(TestNode node, Func<SenningenDbContext, Task<T>> query)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SenningenDbContext>());
    }

    private static ListedPlate ListedOf(DateTimeOffset updatedAt)
    {
        var plate = $"HL{Guid.NewGuid():N}"[..8].ToUpperInvariant();
        return new ListedPlate
        {
            Id = Guid.NewGuid(), ListedAs = plate, PlateText = plate, CanonicalKey = plate, Format = "unknown", Category = HotlistCategory.StolenVehicle,
            Action = HotlistAction.ReportOnly, ValidFrom = updatedAt.AddDays(-1), Owner = CountryCode.Parse("BE"), CreatedAt = updatedAt, UpdatedAt = updatedAt,
            UpdatedBy = "keyset-test",
        };
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

    private static Task<(List<Guid> Ids, int Pages)> WalkAsync<TBody>(HttpClient client, string first, Func<TBody, IEnumerable<Guid>> idsOf,
        Func<Task> afterFirstPage) => WalkKeysAsync(client, first, idsOf, afterFirstPage);

    private static async Task<(List<TKey> Ids, int Pages)> WalkKeysAsync<TBody, TKey>(HttpClient client, string first, Func<TBody, IEnumerable<TKey>> idsOf,
        Func<Task> afterFirstPage)
    {
        var ids = new List<TKey>();
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
