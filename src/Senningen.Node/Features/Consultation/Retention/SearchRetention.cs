using Microsoft.EntityFrameworkCore;
using Senningen.Core.Retention;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Consultation.Data;

namespace Senningen.Node.Features.Consultation.Retention;

/// <summary>A search sent to partners and the answers it got, counted from the search; a hold names the search or its case.</summary>
internal sealed class SearchRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.ConsultationSearch;

    public IReadOnlyList<string> Tables { get; } = ["consultation_searches", "consultation_answers"];

    public CountedFrom CountedFrom => CountedFrom.Creation;

    public RetentionAction Action => RetentionAction.Delete;

    public IReadOnlyList<string> Fields => [];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct) => RetentionSurvey.Of(await db.ConsultationSearches.LongCountAsync(ct),
        await db.ConsultationSearches.OrderBy(s => s.StartedAt).Select(s => s.StartedAt).FirstOrDefaultAsync(ct));

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences);
        using (await db.EnterWriteAsync(ct))
        {
            // Answers and their search go in one transaction: an answer never outlives the search it belongs to.
            // Inside the purge's own transaction (the chunk commits with its audit entry) when there is one.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var due = await db.ConsultationSearches
                .Where(s => s.StartedAt < cutoff && !ids.Contains(s.Id) && !cases.Contains(s.CaseReference))
                .OrderBy(s => s.StartedAt).Take(chunk.Limit).Select(s => s.Id).ToListAsync(ct);
            await db.ConsultationAnswers.Where(a => due.Contains(a.SearchId)).ExecuteDeleteAsync(ct);
            var deleted = await db.ConsultationSearches.Where(s => due.Contains(s.Id)).ExecuteDeleteAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return deleted;
        }
    }
}
