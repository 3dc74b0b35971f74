using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>The hits asked for, or the malformed <c>since</c> (400).</summary>
internal sealed record HitsOutcome(List<HitView>? Hits, FieldError? Error);

/// <summary>
/// Hits received on this node, newest first (at most 1,000). Hits hold personal data (a plate, where and when it was
/// seen): every read of them is audited, as the current officer.
/// </summary>
internal sealed class HitReader(SenningenDbContext db, AuditLog audit, CurrentOfficer officer, Texts texts, TimeProvider clock)
{
    /// <summary>The API's list: hits since a moment (ISO 8601; the last 24 hours when none is given), all of them audited.</summary>
    public async Task<HitsOutcome> ListAsync(string? since, CancellationToken ct)
    {
        var from = clock.GetUtcNow().AddHours(-24);
        if (since is { Length: > 0 } && !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
        {
            return new HitsOutcome(null, new FieldError("since", Rules.Format, texts["rule.date-format", "since"]));
        }

        var hits = await QueryAsync(from, ct);
        await audit.WriteAsync(new AuditRecord(AuditActions.AnprHitRead, AuditOutcomes.Success, [.. hits.Select(h => $"hit:{h.Id}")],
            Detail: $"{hits.Count} hit(s) since {from:O}"), officer.Actor, ct);
        return new HitsOutcome(hits, null);
    }

    /// <summary>
    /// The console's hit board: the last 12 hours. Each hit is audited once per board, the first time its operator is
    /// shown it; <paramref name="shown"/> is the board's memory of those.
    /// </summary>
    public async Task<IReadOnlyList<HitView>> BoardAsync(ISet<Guid> shown, CancellationToken ct)
    {
        var hits = await QueryAsync(clock.GetUtcNow().AddHours(-12), ct);
        var unseen = hits.Where(h => shown.Add(h.Id)).Select(h => $"hit:{h.Id}").ToList();
        if (unseen.Count > 0)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.AnprHitRead, AuditOutcomes.Success, unseen, Detail: "hit board"), officer.Actor, ct);
        }

        return hits;
    }

    private async Task<List<HitView>> QueryAsync(DateTimeOffset since, CancellationToken ct)
    {
        var rows = await db.AnprHits.AsNoTracking().Where(h => h.ReceivedAt >= since).OrderByDescending(h => h.ReceivedAt).Take(1000).ToListAsync(ct);
        return [.. rows.Select(HitViews.From)];
    }
}
