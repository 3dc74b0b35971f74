using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Bench.Audit;

/// <summary>
/// Appending audit entries through the node's real <see cref="AuditLog"/> and <see cref="SenningenDbContext"/>
/// (chain lock, tail read, SHA-256 chaining, own transaction) against plain EF Core inserts of the same rows
/// into the same table shape, same provider and same file type. Each save uses a fresh scope, as a request does.
/// One entry per save is what the node does today (a read, a denial); 100 per save shows the chain cost amortised.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class AuditAppendBenchmarks
{
    private const int EntriesPerInvoke = 100;
    private const string PerRequest = "one entry per save";
    private const string Batch = "100 entries per save";

    private string _directory = "";
    private BenchDatabase? _nodeDatabase;
    private BenchDatabase? _plainDatabase;
    private WebApplication? _node;
    private DbContextOptions<PlainAuditContext>? _plainOptions;
    private long _plainSequence;

    public static IEnumerable<BenchStore> Stores =>
        BenchDatabase.PostgresAdmin is null ? [BenchStore.Sqlite] : [BenchStore.Sqlite, BenchStore.Postgres];

    [ParamsSource(nameof(Stores))]
    public BenchStore Store { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("senningen-bench-").FullName;
        _nodeDatabase = await BenchDatabase.CreateAsync(Store, _directory, "node");
        _plainDatabase = await BenchDatabase.CreateAsync(Store, _directory, "plain");
        _node = NodeApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Senningen:Node:Country"] = "BE",
            ["Senningen:Node:PublicUrl"] = "http://127.0.0.1/",
            ["Senningen:Node:DataDirectory"] = _directory,
            ["Senningen:Database:Provider"] = _nodeDatabase.Provider,
            ["Senningen:Database:ConnectionString"] = _nodeDatabase.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await _node.PrepareAsync();

        var options = new DbContextOptionsBuilder<PlainAuditContext>();
        _plainOptions = (Store == BenchStore.Sqlite
            ? options.UseSqlite(_plainDatabase.ConnectionString)
            : options.UseNpgsql(_plainDatabase.ConnectionString)).Options;
        await using var plain = new PlainAuditContext(_plainOptions);
        await plain.Database.EnsureCreatedAsync();
        if (Store == BenchStore.Sqlite)
        {
            // The node switches its file to WAL on start; the peer's file gets the same journal.
            await plain.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EntriesPerInvoke, Description = "plain insert")]
    [BenchmarkCategory(PerRequest)]
    public Task PlainInsertAsync() => PlainAsync(entriesPerSave: 1);

    [Benchmark(OperationsPerInvoke = EntriesPerInvoke, Description = "AuditLog sealed append")]
    [BenchmarkCategory(PerRequest)]
    public async Task SealedAppendAsync()
    {
        for (var saved = 0; saved < EntriesPerInvoke; saved++)
        {
            await using var scope = _node!.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditLog>().Add(AuditRows.Consultation, AuditRows.Officer);
            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EntriesPerInvoke, Description = "plain insert")]
    [BenchmarkCategory(Batch)]
    public Task PlainInsertBatchAsync() => PlainAsync(entriesPerSave: EntriesPerInvoke);

    /// <summary>
    /// The whole batch sealed in one save. Not through AuditLog.Add: it leaves every new entry at Sequence 0, so a
    /// second Add in one unit of work collides in EF's identity map. Distinct temporary keys stand in until that is fixed.
    /// </summary>
    [Benchmark(OperationsPerInvoke = EntriesPerInvoke, Description = "SenningenDbContext sealed append")]
    [BenchmarkCategory(Batch)]
    public async Task SealedBatchAsync()
    {
        await using var scope = _node!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 1; i <= EntriesPerInvoke; i++)
        {
            var entry = AuditRows.Plain(-i, now);
            entry.PreviousHash = "";
            entry.Hash = "";
            db.AuditEntries.Add(entry);
        }

        await db.SaveChangesAsync();
    }

    private async Task PlainAsync(int entriesPerSave)
    {
        for (var saved = 0; saved < EntriesPerInvoke; saved += entriesPerSave)
        {
            await using var db = new PlainAuditContext(_plainOptions!);
            var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            for (var i = 0; i < entriesPerSave; i++)
            {
                db.AuditEntries.Add(AuditRows.Plain(++_plainSequence, now));
            }

            await db.SaveChangesAsync();
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (_nodeDatabase is not null)
        {
            await _nodeDatabase.DisposeAsync();
        }

        if (_plainDatabase is not null)
        {
            await _plainDatabase.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
