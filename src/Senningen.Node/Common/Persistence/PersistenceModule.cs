using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Persistence;

internal static class PersistenceModule
{
    private static readonly AfterCommitHook.Interceptor AfterCommits = new();

    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var (services, settings) = (builder.Services, builder.NodeSettings);
        services.AddSingleton<WriteGate>().AddSingleton<InstanceLeadership>();
        services.AddSingleton<WalFlusher>().AddHostedService<WalCheckpointer>();
        var database = settings.Database;
        // Options are built once, not per request scope: building them showed in CPU profiles of the exchange, and the
        // WAL interceptor, one instance now, remembers which connections it has already switched to synchronous=NORMAL.
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SenningenDbContext, PostgresSenningenDbContext>(o => o.UseNpgsql(PostgresConnections.Pooled(database.ConnectionString), ProviderMigrations.Postgres).AddInterceptors(AfterCommits),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            Directory.CreateDirectory(SqliteDirectory(database.ConnectionString));
            services.AddDbContext<SenningenDbContext, SqliteSenningenDbContext>((sp, o) =>
                o.UseSqlite(database.ConnectionString, ProviderMigrations.Sqlite).AddInterceptors(new WalSyncInterceptor(sp.GetRequiredService<WalFlusher>()), AfterCommits),
                optionsLifetime: ServiceLifetime.Singleton);
        }

        services.AddHealthChecks().AddDbContextCheck<SenningenDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies the provider's migrations; several instances starting at once are serialised by EF's migration lock.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the console read while the API writes, and lets commits share an fsync (WalFlusher).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = await command.ExecuteScalarAsync(cancellationToken) as string;
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && File.Exists(file))
            {
                scope.ServiceProvider.GetRequiredService<WalFlusher>().Enable(file);
            }
        }
    }

    private static string SqliteDirectory(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        return string.IsNullOrEmpty(directory) ? "." : directory;
    }
}
