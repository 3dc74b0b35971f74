using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.VerifyChain;

/// <summary>Walks the whole stored chain in batches and names the first entry that does not fit.</summary>
public sealed class AuditVerifier(SenningenDbContext db)
{
    private const int BatchSize = 2_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var check = new AuditChainCheck();
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (check.Next(new StoredAuditLink(entry.ToFacts(), entry.PreviousHash, entry.Hash)) is { } broken)
                {
                    return new AuditVerification(false, check.Checked, broken.Sequence, broken.Problem, null);
                }
            }

            if (batch.Count < BatchSize)
            {
                return new AuditVerification(true, check.Checked, null, null, check.HeadHash);
            }

            after = batch[^1].Sequence;
        }
    }
}
