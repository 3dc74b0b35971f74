using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Data;

/// <summary>ANPR's tables on the node's one context: the capability owns them, the context does not list them.</summary>
internal static class AnprData
{
    extension(SenningenDbContext db)
    {
        public DbSet<Camera> AnprCameras => db.Set<Camera>();

        public DbSet<ListedPlate> AnprHotlist => db.Set<ListedPlate>();

        public DbSet<HotlistVersion> AnprHotlistVersion => db.Set<HotlistVersion>();

        public DbSet<StoredRead> AnprReads => db.Set<StoredRead>();

        public DbSet<Hit> AnprHits => db.Set<Hit>();
    }
}
