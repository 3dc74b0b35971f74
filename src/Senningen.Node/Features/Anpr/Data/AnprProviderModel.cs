using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Data;

/// <summary>On SQLite the reads table keeps no secondary index: its runs do that work (ADR 0012).</summary>
internal sealed class AnprProviderModel : IProviderModelConfiguration
{
    public void Configure(ModelBuilder model, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            StoredReadConfiguration.IndexForSqlite(model);
        }
    }
}
