using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Operations.Data;

/// <summary>Operations' tables on the node's one context: the capability owns them, the context does not list them.</summary>
internal static class OperationsData
{
    extension(SenningenDbContext db)
    {
        public DbSet<Operation> Operations => db.Set<Operation>();

        public DbSet<OperationUnit> OperationUnits => db.Set<OperationUnit>();

        public DbSet<UnitFix> UnitFixes => db.Set<UnitFix>();

        public DbSet<RefusedFixes> RefusedFixes => db.Set<RefusedFixes>();

        public DbSet<OperationCrossing> OperationCrossings => db.Set<OperationCrossing>();

        public DbSet<OperationEvent> OperationEvents => db.Set<OperationEvent>();

        public DbSet<PartnerNotice> PartnerNotices => db.Set<PartnerNotice>();

        public DbSet<Alert> Alerts => db.Set<Alert>();

        public DbSet<AlertFix> AlertFixes => db.Set<AlertFix>();
    }
}
