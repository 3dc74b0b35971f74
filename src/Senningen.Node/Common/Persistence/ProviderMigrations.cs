using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Each provider's migrations live in a project of their own (ADR 0002). The node references those projects, so their
/// migrations cannot name the context types in a [DbContext] attribute; <see cref="ProviderMigrationsAssembly"/> finds
/// them without it.
/// </summary>
internal static class ProviderMigrations
{
    public const string SqliteAssembly = "Senningen.Node.Migrations.Sqlite";
    public const string PostgresAssembly = "Senningen.Node.Migrations.Postgres";

    public static void Sqlite(SqliteDbContextOptionsBuilder sqlite) => UseAssembly(sqlite.MigrationsAssembly(SqliteAssembly));

    public static void Postgres(NpgsqlDbContextOptionsBuilder postgres) => UseAssembly(postgres.MigrationsAssembly(PostgresAssembly));

    private static void UseAssembly(IRelationalDbContextOptionsBuilderInfrastructure provider) =>
        provider.OptionsBuilder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
}

/// <summary>
/// Every migration and the one model snapshot of the configured migrations assembly, which holds a single provider's
/// history. EF's own lookup keeps only types whose [DbContext] attribute names the context, which that assembly cannot see.
/// </summary>
internal sealed class ProviderMigrationsAssembly : IMigrationsAssembly
{
    private readonly IMigrationsIdGenerator _ids;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;
    private readonly Lazy<ModelSnapshot?> _snapshot;

    public ProviderMigrationsAssembly(IDbContextOptions options, IMigrationsIdGenerator ids)
    {
        var relational = RelationalOptionsExtension.Extract(options);
        Assembly = relational.MigrationsAssemblyObject
            ?? Assembly.Load(new AssemblyName(relational.MigrationsAssembly
                ?? throw new InvalidOperationException("No migrations assembly is configured: use ProviderMigrations.")));
        _ids = ids;
        _migrations = new(FindMigrations);
        _snapshot = new(FindSnapshot);
    }

    public Assembly Assembly { get; }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id => _ids.IsValidId(nameOrId)
        ? string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        : string.Equals(_ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var migrations = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in Assembly.DefinedTypes.Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract))
        {
            // Without its id (the .Designer.cs half) a migration would be skipped silently; that is a broken checkout.
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id
                ?? throw new InvalidOperationException($"Migration {type.FullName} in {Assembly.GetName().Name} has no [Migration] id.");
            migrations.Add(id, type);
        }

        return migrations;
    }

    private ModelSnapshot? FindSnapshot()
    {
        var snapshots = Assembly.DefinedTypes.Where(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract).ToList();
        return snapshots.Count switch
        {
            0 => null,
            1 => (ModelSnapshot)Activator.CreateInstance(snapshots[0].AsType())!,
            _ => throw new InvalidOperationException($"{Assembly.GetName().Name} holds {snapshots.Count} model snapshots; it must hold one provider's history."),
        };
    }
}
