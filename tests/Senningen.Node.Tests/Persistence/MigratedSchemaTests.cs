using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Persistence;

/// <summary>
/// Each provider's migrations (one squashed Initial and whatever follows, in their own projects, ADR 0002), applied to an
/// empty database, build the schema the EF model declares, plus only the objects written by hand that EF cannot express:
/// SQLite's read runs (ADR 0012) and PostgreSQL's day partitions of anpr_reads.
/// </summary>
public sealed class MigratedSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite, ProviderMigrations.SqliteAssembly)]
    [InlineData(Store.Postgres, ProviderMigrations.PostgresAssembly)]
    public async Task Migrate_OnAnEmptyDatabase_AppliesEveryMigrationOfTheProvidersProject_AndNoModelChangeIsPending(Store store, string project)
    {
        await using var database = await MigratedDatabase.CreateAsync(store);
        var db = database.Db;

        db.GetService<IMigrationsAssembly>().Assembly.GetName().Name.ShouldBe(project);
        db.Database.GetMigrations().ShouldNotBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Ct)).ShouldBe(db.Database.GetMigrations());
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public async Task MigratedSqlite_HasTheModelsTablesColumnsKeysAndIndexes_AndBesidesOnlyTheReadRuns()
    {
        await using var database = await MigratedDatabase.CreateAsync(Store.Sqlite);

        var model = SchemaLines.OfModel(database.Db, namedKeys: false);
        var migrated = await SchemaLines.OfSqliteAsync(database.Connection);

        model.Except(migrated).ShouldBeEmpty();
        migrated.Except(model).ShouldBe([
            "anpr_read_runs column Entries INTEGER NOT NULL",
            "anpr_read_runs column FromMs INTEGER NOT NULL",
            "anpr_read_runs column Id INTEGER NOT NULL",
            "anpr_read_runs column State INTEGER NOT NULL",
            "anpr_read_runs column ToMs INTEGER NOT NULL",
            "anpr_read_runs key (Id)",
            "anpr_read_terms column ObservedAtMs INTEGER NOT NULL",
            "anpr_read_terms column ReadId INTEGER NOT NULL",
            "anpr_read_terms column Run INTEGER NOT NULL",
            "anpr_read_terms column Term TEXT NOT NULL",
            "anpr_read_terms key (Run,Term,ObservedAtMs,ReadId)",
            "anpr_read_terms without rowid",
        ]);
    }

    [Fact]
    public async Task MigratedPostgres_HasTheModelsTablesColumnsKeysAndIndexes_WithAnprReadsPartitionedByDay()
    {
        await using var database = await MigratedDatabase.CreateAsync(Store.Postgres);

        var model = SchemaLines.OfModel(database.Db, namedKeys: true);
        var migrated = await SchemaLines.OfPostgresAsync(database.Connection);

        // A partitioned table's key must hold the partition column.
        model.Except(migrated).ShouldBe(["anpr_reads key PK_anpr_reads(Id)"]);
        migrated.Except(model).ShouldBe(["anpr_reads key PK_anpr_reads(Id,ObservedAtMs)"]);
        (await ScalarsAsync(database, """
            SELECT pg_get_partkeydef('anpr_reads'::regclass)
            UNION ALL SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'anpr_reads'::regclass
            UNION ALL SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                WHERE d.adrelid = 'anpr_reads'::regclass AND a.attname = 'Id'
            UNION ALL SELECT pg_get_serial_sequence('anpr_reads', 'Id')
            """)).ShouldBe([
            "RANGE (\"ObservedAtMs\")",
            "anpr_reads_default DEFAULT",
            "nextval('anpr_reads_id_seq'::regclass)",
            "public.anpr_reads_id_seq",
        ], ignoreOrder: true);
    }

    private static Task<List<string>> ScalarsAsync(MigratedDatabase database, string sql) =>
        SchemaLines.ReadAsync(database.Connection, sql, null, r => r.GetString(0));

    /// <summary>A fresh test database migrated by the provider's context as dotnet ef makes it (the design-time factories).</summary>
    private sealed class MigratedDatabase : IAsyncDisposable
    {
        private readonly string _directory;
        private readonly TestDatabase _database;

        private MigratedDatabase(string directory, TestDatabase database, SenningenDbContext db)
        {
            _directory = directory;
            _database = database;
            Db = db;
        }

        public SenningenDbContext Db { get; }

        public System.Data.Common.DbConnection Connection => Db.Database.GetDbConnection();

        public static async Task<MigratedDatabase> CreateAsync(Store store)
        {
            var directory = Directory.CreateTempSubdirectory("senningen-test-").FullName;
            TestDatabase database;
            try
            {
                // Without SENNINGEN_TEST_POSTGRES a PostgreSQL test is skipped, or fails under SENNINGEN_REQUIRE_INFRA=1.
                database = await TestDatabase.CreateAsync(store, directory);
            }
            catch
            {
                Directory.Delete(directory, recursive: true);
                throw;
            }

            SenningenDbContext db = store == Store.Sqlite
                ? new SqliteDesignTimeFactory().CreateDbContext([])
                : new PostgresDesignTimeFactory().CreateDbContext([]);
            db.Database.SetConnectionString(database.ConnectionString);
            var migrated = new MigratedDatabase(directory, database, db);
            try
            {
                await db.Database.MigrateAsync(Ct);
                await db.Database.OpenConnectionAsync(Ct);
                return migrated;
            }
            catch
            {
                await migrated.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await _database.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
