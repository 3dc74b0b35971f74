using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary><c>GET /api/v1/anpr/hits?since=</c>: hits received since a moment (default: the last 24 hours), newest first; audited.</summary>
internal static class ReadHits
{
    public static async Task<Results<Ok<List<HitView>>, ProblemHttpResult>> ListAsync(string? since, SenningenDbContext db, AuditLog audit,
        Texts texts, TimeProvider clock, CancellationToken ct)
    {
        var from = clock.GetUtcNow().AddHours(-24);
        if (since is { Length: > 0 })
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from))
            {
                return Problems.Validation(texts, new FieldError("since", Rules.Format, texts["rule.date-format", "since"]));
            }
        }

        var hits = await QueryAsync(db, from, ct);
        // Hits hold personal data (a plate, where and when it was seen): every read of them is audited.
        await audit.WriteAsync(new AuditRecord(AuditActions.AnprHitRead, AuditOutcomes.Success, [.. hits.Select(h => $"hit:{h.Id}")],
            Detail: $"{hits.Count} hit(s) since {from:O}"), cancellationToken: ct);
        return TypedResults.Ok(hits);
    }

    public static async Task<List<HitView>> QueryAsync(SenningenDbContext db, DateTimeOffset since, CancellationToken ct)
    {
        var from = since.ToUnixTimeMilliseconds();
        var rows = await db.AnprHits.AsNoTracking().Where(h => h.ReceivedAtMs >= from).OrderByDescending(h => h.ReceivedAtMs).Take(1000)
            .ToListAsync(ct);
        return [.. rows.Select(HitViews.From)];
    }
}
