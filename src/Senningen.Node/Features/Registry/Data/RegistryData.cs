using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Registry.Data;

/// <summary>The reference registry's tables on the node's one context: the capability owns them, the context does not list them.</summary>
// Public: the CLI's tests, outside the node's friends, count the persons a real node generated.
public static class RegistryData
{
    extension(SenningenDbContext db)
    {
        public DbSet<StoredPerson> RegistryPersons => db.Set<StoredPerson>();

        public DbSet<StoredVehicle> RegistryVehicles => db.Set<StoredVehicle>();

        public DbSet<StoredDocument> RegistryDocuments => db.Set<StoredDocument>();

        public DbSet<StoredRecord> RegistryRecords => db.Set<StoredRecord>();
    }
}
