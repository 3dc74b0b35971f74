using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// Lists come a page at a time: limit, an opaque cursor that only this node can have made, for this list and this user,
/// and a Link rel="next" until the end. Following the links yields the whole list once, in its order.
/// </summary>
public sealed partial class PagingTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync();

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_FollowingTheNextLinks_YieldsTheWholeListOnceInItsOrder()
    {
        using var admin = await _node.SignedInAsync("admin");
        var whole = (await admin.GetFromJsonAsync<List<UserSummary>>("api/v1/admin/users", Ct))!.Select(u => u.Username).ToList();

        var paged = new List<string>();
        var pages = 0;
        for (string? next = "api/v1/admin/users?limit=2"; next is not null; pages++)
        {
            using var response = await admin.GetAsync(next, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = (await response.Content.ReadFromJsonAsync<List<UserSummary>>(Ct))!;
            page.Count.ShouldBeInRange(1, 2);
            paged.AddRange(page.Select(u => u.Username));
            next = NextLink(response)?.TrimStart('/');
        }

        whole.Count.ShouldBeGreaterThan(4);
        paged.ShouldBe(whole);
        pages.ShouldBe((whole.Count + 1) / 2);
    }

    [Fact]
    public async Task Users_TheLastPage_HasNoNextLink_AndTheDefaultPageIsTheWholeSmallList()
    {
        using var admin = await _node.SignedInAsync("admin");

        using var whole = await admin.GetAsync("api/v1/admin/users", Ct);

        NextLink(whole).ShouldBeNull();
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=ten")]
    [InlineData("limit=-1")]
    public async Task Users_ALimitOutOfItsRange_IsA400NamingLimit(string query)
    {
        using var admin = await _node.SignedInAsync("admin");

        using var response = await admin.GetAsync("api/v1/admin/users?" + query, Ct);

        (await ErrorsAsync(response)).ShouldBe([("limit", "range")]);
    }

    [Fact]
    public async Task Users_AnAlteredOrMadeUpCursor_IsA400NamingCursor()
    {
        using var admin = await _node.SignedInAsync("admin");
        using var first = await admin.GetAsync("api/v1/admin/users?limit=1", Ct);
        var cursor = Cursor(NextLink(first)!);
        var altered = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];

        using var tampered = await admin.GetAsync($"api/v1/admin/users?limit=1&cursor={altered}", Ct);
        using var madeUp = await admin.GetAsync("api/v1/admin/users?cursor=eyJwb3NpdGlvbiI6MH0", Ct);

        (await ErrorsAsync(tampered)).ShouldBe([("cursor", "cursor-invalid")]);
        (await ErrorsAsync(madeUp)).ShouldBe([("cursor", "cursor-invalid")]);
    }

    [Fact]
    public async Task Holds_ACursorOfAnotherList_IsA400NamingCursor()
    {
        using var admin = await _node.SignedInAsync("admin");
        using var users = await admin.GetAsync("api/v1/admin/users?limit=1", Ct);
        var cursor = Cursor(NextLink(users)!);
        using var dpo = await _node.SignedInAsync("dpo");

        using var foreign = await dpo.GetAsync($"api/v1/retention/holds?cursor={cursor}", Ct);

        (await ErrorsAsync(foreign)).ShouldBe([("cursor", "cursor-invalid")]);
    }

    [Fact]
    public void Cursor_ReadBack_ByItsListAndUserOnly_AndNotAfterItExpired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var cursors = new PageCursors(new EphemeralDataProtectionProvider(), clock);
        var at = PageKey.At(clock.GetUtcNow(), "0196a3f2-0000-7000-8000-000000000001");
        var cursor = cursors.Write("requests", "officer", at);

        cursors.Read(cursor, "requests", "officer", out var read).ShouldBe(PageCursors.Verdict.Valid);
        read.ShouldBe(at);
        cursors.Read(cursor, "requests", "controlroom", out _).ShouldBe(PageCursors.Verdict.Invalid);
        cursors.Read(cursor, "alerts", "officer", out _).ShouldBe(PageCursors.Verdict.Invalid);
        cursors.Read(cursor + "x", "requests", "officer", out _).ShouldBe(PageCursors.Verdict.Invalid);
        cursors.Read("not a cursor at all!", "requests", "officer", out _).ShouldBe(PageCursors.Verdict.Invalid);
        clock.Advance(PageCursors.Lifetime);
        cursors.Read(cursor, "requests", "officer", out _).ShouldBe(PageCursors.Verdict.Expired);
    }

    [Fact]
    public async Task Users_AnExpiredCursor_IsA400NamingCursorAndItsRule()
    {
        using var admin = await _node.SignedInAsync("admin");
        var cursors = new PageCursors(_node.Services.GetRequiredService<IDataProtectionProvider>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow - PageCursors.Lifetime - TimeSpan.FromMinutes(1)));
        var expired = cursors.Write("users", "admin", PageKey.Named("admin"));

        using var response = await admin.GetAsync($"api/v1/admin/users?cursor={expired}", Ct);

        (await ErrorsAsync(response)).ShouldBe([("cursor", "cursor-expired")]);
    }

    internal static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(l => NextPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).SingleOrDefault()
            : null;

    private static string Cursor(string link) => Uri.UnescapeDataString(CursorPattern().Match(link).Groups[1].Value);

    private static async Task<List<(string Field, string Rule)>> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
        return problem.Errors!.Select(e => (e.Field, e.Rule)).ToList();
    }

    [GeneratedRegex("<([^>]+)>\\s*;\\s*rel=\"next\"")]
    private static partial Regex NextPattern();

    [GeneratedRegex("[?&]cursor=([^&]+)")]
    private static partial Regex CursorPattern();
}
