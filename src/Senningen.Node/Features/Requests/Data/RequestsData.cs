using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Requests.Data;

/// <summary>Requests' tables on the node's one context: the capability owns them, the context does not list them.</summary>
internal static class RequestsData
{
    extension(SenningenDbContext db)
    {
        public DbSet<CooperationRequest> Requests => db.Set<CooperationRequest>();

        public DbSet<RequestEvent> RequestEvents => db.Set<RequestEvent>();

        public DbSet<RequestAttachment> RequestAttachments => db.Set<RequestAttachment>();
    }
}
