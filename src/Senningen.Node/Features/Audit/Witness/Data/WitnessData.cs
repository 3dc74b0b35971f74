using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Witness.Data;

/// <summary>The witnessing tables on the node's one context (ADR 0016).</summary>
internal static class WitnessData
{
    extension(SenningenDbContext db)
    {
        public DbSet<WitnessedHeadRow> WitnessedHeads => db.Set<WitnessedHeadRow>();

        public DbSet<HeadConfirmationRow> HeadConfirmations => db.Set<HeadConfirmationRow>();

        public DbSet<WitnessAlarmRow> WitnessAlarms => db.Set<WitnessAlarmRow>();
    }
}
