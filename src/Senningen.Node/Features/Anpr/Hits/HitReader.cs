using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Access;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>The hits asked for, or the malformed <c>since</c> (400).</summary>
internal sealed record HitsOutcome(List<HitView>? Hits, FieldError? Error);

/// <summary>The filters of <c>GET /api/v1/anpr/hits/groups</c>, as given.</summary>
internal sealed record HitGroupFilter(string? State, string? Category, string? Action, string? Camera, string? Since, string? Page, string? PageSize);

/// <summary>The page of groups asked for, or the broken rules of the filter (400).</summary>
internal sealed record HitGroupsOutcome(HitGroupPage? Page, IReadOnlyList<FieldError> Errors, PageRequest Request);

/// <summary>What the console's hit board shows: a page of groups, the banner's urgent groups, the cameras to filter by.</summary>
internal sealed record HitBoard(HitGroupPage Page, IReadOnlyList<HitGroupView> Urgent, IReadOnlyList<CameraChoice> Cameras);

/// <summary>
/// Hits received on this node: newest first, a page at a time (a keyset on receipt time and id), or grouped by hotlist entry (the board). Hits hold personal data (a plate, where and when it was
/// seen): every read of them is audited, as the current officer. Each list holds only the hits the reader's need to know
/// covers (a control room its zones', the desk and the DPO all), filtered in the database.
/// </summary>
internal sealed class HitReader(SenningenDbContext db, AuditLog audit, CurrentOfficer officer, NeedToKnowGuard guard, Texts texts, TimeProvider clock)
{
    private AccessScope Scope => guard.Scope(Capability.AnprHits, AccessKind.Read);

    /// <summary>The API's list: hits since a moment (ISO 8601; the last 24 hours when none is given), all of them audited.</summary>
    public async Task<HitsOutcome> ListAsync(string? since, PageRequest page, CancellationToken ct)
    {
        var from = clock.GetUtcNow().AddHours(-24);
        if (since is { Length: > 0 } && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
        {
            return new HitsOutcome(null, new FieldError("since", Rules.Format, texts["rule.date-format", "since"]));
        }

        ArgumentNullException.ThrowIfNull(page);
        var rows = await HitGroups.Visible(db, Scope).Where(h => h.ReceivedAt >= from)
            .PageBy(page, newestFirst: true, h => h.ReceivedAt, h => h.Id).ToListAsync(ct);
        var hits = rows.Select(HitViews.From).ToList();
        var shown = page.Shown(hits.Count);
        await audit.WriteAsync(new AuditRecord(AuditActions.AnprHitRead, AuditOutcomes.Success, [.. hits.Take(shown).Select(h => $"hit:{h.Id}")],
            Detail: $"{shown} hit(s) since {from:O}"), officer.Actor, ct);
        return new HitsOutcome(hits, null);
    }

    /// <summary>
    /// The API's groups (<c>GET /api/v1/anpr/hits/groups</c>): the filter checked (every broken rule named), one page of
    /// groups since a moment (the last 24 hours when none is given), audited with the latest hit of each group shown.
    /// Groups are ordered by urgency, which a new hit changes, so the cursor holds the number of groups already shown
    /// (an offset, signed like every cursor), not a key: a walk sees the order as it is at each page.
    /// </summary>
    public async Task<HitGroupsOutcome> GroupsAsync(HitGroupFilter filter, PageRequest page, bool sizeFromPageSize, CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        var since = v.Moment("since", filter.Since) ?? clock.GetUtcNow().AddHours(-24);
        var query = Check(v, filter);
        if (v.HasErrors)
        {
            return new HitGroupsOutcome(null, v.Errors, page);
        }

        if (sizeFromPageSize)
        {
            page = page with { Limit = query.PageSize };
        }

        var skip = page.After is { } after ? (int)Math.Min(after.Position, int.MaxValue) : (query.Page - 1) * page.Limit;
        var read = await HitGroups.PageAsync(db, Scope, since, query, ct, (skip, page.Fetch));
        var shown = read.Groups.Take(page.Limit).ToList();
        page.EndsAt(GroupOffset(skip + shown.Count));
        await audit.WriteAsync(new AuditRecord(AuditActions.AnprHitRead, AuditOutcomes.Success, [.. shown.Select(g => $"hit:{g.LatestHitId}")],
            Detail: $"{shown.Count} of {read.Total} hit group(s) since {since:O} (state={filter.State}, category={filter.Category}, "
                + $"action={filter.Action}, camera={filter.Camera}, from group {skip + 1})"), officer.Actor, ct);
        return new HitGroupsOutcome(read with { Page = skip / Math.Max(1, page.Limit) + 1, PageSize = page.Limit }, [], page);
    }

    /// <summary>The cursor of the groups list: how many groups the pages before it showed.</summary>
    public static PageKey GroupOffset(int shown) => new(shown, "groups");

    /// <summary>
    /// The console's hit board over the last 12 hours: the page of groups asked for, the most urgent groups still to
    /// acknowledge whatever the filter (the banner), and the cameras to filter by. A group is audited once per board
    /// for each latest sighting its operator is shown; <paramref name="shown"/> is the board's memory of those.
    /// </summary>
    public async Task<HitBoard> BoardAsync(HitBoardQuery query, ISet<Guid> shown, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddHours(-12);
        var page = await HitGroups.PageAsync(db, Scope, since, query, ct);
        // The default board's first page starts with the most urgent groups: no second query for the banner then.
        var urgent = query.Page == 1 && query with { Page = 1, PageSize = HitBoardQuery.BoardPageSize } == HitBoardQuery.Default
            ? page.Groups : (await HitGroups.PageAsync(db, Scope, since, HitBoardQuery.Default with { PageSize = UrgentShown }, ct)).Groups;
        var banner = urgent.Take(UrgentShown).Where(g => HitUrgencies.Of(AnprNames.Actions[g.Action]) != HitUrgency.Report).ToList();
        var unseen = page.Groups.Concat(banner).Where(g => shown.Add(g.LatestHitId)).Select(g => $"hit:{g.LatestHitId}").ToList();
        if (unseen.Count > 0)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.AnprHitRead, AuditOutcomes.Success, unseen, Detail: "hit board"), officer.Actor, ct);
        }

        return new HitBoard(page, banner, await HitGroups.CamerasAsync(db, Scope, since, ct));
    }

    /// <summary>How many groups still to acknowledge the board's banner holds at most: it calls, the board lists.</summary>
    public const int UrgentShown = 3;

    private static HitBoardQuery Check(RequestValidator v, HitGroupFilter given)
    {
        // An empty parameter (?category=) is no filter, as in a form that sends every field.
        static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var filter = given with { State = Given(given.State), Category = Given(given.Category), Action = Given(given.Action), Camera = Given(given.Camera) };
        v.OneOf("state", filter.State, States.Keys.ToList());
        v.OneOf("category", filter.Category, [.. AnprNames.Categories.Keys]);
        v.OneOf("action", filter.Action, [.. AnprNames.Actions.Keys]);
        v.MaxLength("camera", filter.Camera, 64);
        var page = v.WholeNumber("page", filter.Page, 1, 1, 100_000);
        var size = v.WholeNumber("pageSize", filter.PageSize, HitBoardQuery.BoardPageSize, 1, 200);
        return new HitBoardQuery(States.GetValueOrDefault(filter.State ?? "unacknowledged"),
            filter.Category is { } c ? AnprNames.Categories.GetValueOrDefault(c) : null,
            filter.Action is { } a ? AnprNames.Actions.GetValueOrDefault(a) : null,
            filter.Camera, page, size);
    }

    /// <summary>The API's names of the board's states.</summary>
    public static readonly IReadOnlyDictionary<string, HitState> States = new Dictionary<string, HitState>(StringComparer.Ordinal)
    {
        ["unacknowledged"] = HitState.Unacknowledged,
        ["acknowledged"] = HitState.Acknowledged,
        ["all"] = HitState.All,
    };
}
