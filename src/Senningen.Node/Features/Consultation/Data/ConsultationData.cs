using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Consultation.Data;

/// <summary>Consultation's tables on the node's one context: the capability owns them, the context does not list them.</summary>
internal static class ConsultationData
{
    extension(SenningenDbContext db)
    {
        public DbSet<ConsultationSearch> ConsultationSearches => db.Set<ConsultationSearch>();

        public DbSet<ConsultationAnswerRow> ConsultationAnswers => db.Set<ConsultationAnswerRow>();
    }
}
