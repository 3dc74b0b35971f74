using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Senningen.Node.Common.Persistence;

// One model, two migration histories: each provider gets its own context type so that
// `dotnet ef` keeps SQLite and PostgreSQL migrations apart (ADR 0002).

public sealed class SqliteSenningenDbContext(DbContextOptions<SqliteSenningenDbContext> options, WriteGate chainLock, WalFlusher flusher)
    : SenningenDbContext(options, chainLock, flusher)
{
    protected override bool SharedByInstances => false;
}

public sealed class PostgresSenningenDbContext(DbContextOptions<PostgresSenningenDbContext> options, WriteGate chainLock, WalFlusher flusher)
    : SenningenDbContext(options, chainLock, flusher)
{
    protected override bool SharedByInstances => true;
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSenningenDbContext>
{
    public SqliteSenningenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSenningenDbContext>().UseSqlite("Data Source=design.db", ProviderMigrations.Sqlite).Options, new WriteGate(), new WalFlusher());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSenningenDbContext>
{
    public PostgresSenningenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSenningenDbContext>().UseNpgsql("Host=localhost;Database=design", ProviderMigrations.Postgres).Options, new WriteGate(), new WalFlusher());
}
