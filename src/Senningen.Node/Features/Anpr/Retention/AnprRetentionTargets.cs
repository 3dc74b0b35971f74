using Microsoft.EntityFrameworkCore;
using Senningen.Core.Retention;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Retention;

/// <summary>
/// Camera reads: <see cref="PurgeReads"/> does the work (partitions on PostgreSQL, the run index on SQLite, ADR 0012) and
/// writes its own audit entry. Reads carry no case and are not held one by one: a read a case needs becomes a hit or
/// goes into the case file.
/// </summary>
internal sealed class AnprReadRetention(PurgeReads purge, SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.AnprRead;

    public IReadOnlyList<string> Tables { get; } = ["anpr_reads"];

    public CountedFrom CountedFrom => CountedFrom.Observation;

    public RetentionAction Action => RetentionAction.Delete;

    public IReadOnlyList<string> Fields => [];

    public bool AuditsItself => true;

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct) =>
        RetentionSurvey.Of(await db.AnprReads.LongCountAsync(ct), await db.AnprReads.OrderBy(r => r.ObservedAt).Select(r => r.ObservedAt).FirstOrDefaultAsync(ct));

    /// <summary>One call purges everything due, in its own bounded slices.</summary>
    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct) => (await purge.RunAsync(chunk.Cutoff, ct)).Deleted;
}

/// <summary>Hits, counted from the moment the hit was made; a hold names a hit by its id.</summary>
internal sealed class AnprHitRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.AnprHit;

    public IReadOnlyList<string> Tables { get; } = ["anpr_hits"];

    public CountedFrom CountedFrom => CountedFrom.Hit;

    public RetentionAction Action => RetentionAction.Delete;

    public IReadOnlyList<string> Fields => [];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct) =>
        RetentionSurvey.Of(await db.AnprHits.LongCountAsync(ct), await db.AnprHits.OrderBy(h => h.ReceivedAt).Select(h => h.ReceivedAt).FirstOrDefaultAsync(ct));

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, held) = (chunk.Cutoff, chunk.Holds.RecordIds);
        var due = db.AnprHits.Where(h => h.ReceivedAt < cutoff && !held.Contains(h.Id)).OrderBy(h => h.ReceivedAt).Take(chunk.Limit).Select(h => h.Id);
        using (await db.EnterWriteAsync(ct))
        {
            return await db.AnprHits.Where(h => due.Contains(h.Id)).ExecuteDeleteAsync(ct);
        }
    }
}
