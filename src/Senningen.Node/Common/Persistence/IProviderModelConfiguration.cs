using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// What a capability maps differently on one database provider (an index SQLite does without, a PostgreSQL type).
/// The context finds every implementation in the node's assembly and runs it after the entity configurations.
/// </summary>
public interface IProviderModelConfiguration
{
    void Configure(ModelBuilder model, DatabaseProvider provider);
}
