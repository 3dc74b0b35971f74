using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Identity.Data;

/// <summary>Identity's users on the node's one context; everything else goes through UserManager and its store.</summary>
internal static class IdentityData
{
    extension(SenningenDbContext db)
    {
        public DbSet<SenningenUser> Users => db.Set<SenningenUser>();
    }
}
