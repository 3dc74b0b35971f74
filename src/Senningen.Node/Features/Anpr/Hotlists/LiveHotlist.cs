using Microsoft.EntityFrameworkCore;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>
/// The node's hotlist in memory: the Core <see cref="Hotlist"/>, whose snapshot ingestion reads without locking. It is
/// loaded from the database at start, updated after each change this instance commits, and reloaded whole when the
/// shared version row shows that another instance changed the list (<see cref="HotlistRefresher"/>).
/// </summary>
internal sealed class LiveHotlist
{
    private long _loadedVersion = -1;

    public Hotlist Hotlist { get; } = new(HotlistIndex.Empty);

    public HotlistIndex Current => Hotlist.Current;

    public long LoadedVersion => Interlocked.Read(ref _loadedVersion);

    public static HotlistEntry ToEntry(ListedPlate row) =>
        new(row.Id.ToString(), Plate.Parse(row.PlateText), row.Category, row.Action, row.ValidFrom, row.ValidTo ?? DateTimeOffset.MaxValue, row.Owner);

    /// <summary>Applies what this instance just committed; the next version check reloads anyway if others changed it too.</summary>
    public void Apply(IEnumerable<ListedPlate> upserts, IEnumerable<Guid> removals) =>
        Hotlist.Update([.. upserts.Select(ToEntry)], [.. removals.Select(id => id.ToString())]);

    /// <summary>Rebuilds the snapshot from the database; matching goes on against the old one meanwhile.</summary>
    public async Task ReloadAsync(SenningenDbContext db, CancellationToken ct)
    {
        var version = await ReadVersionAsync(db, ct);
        var rows = await db.AnprHotlist.AsNoTracking().ToListAsync(ct);
        Hotlist.Replace(HotlistIndex.Build(rows.Select(ToEntry)));
        Interlocked.Exchange(ref _loadedVersion, version);
    }

    public static Task<long> ReadVersionAsync(SenningenDbContext db, CancellationToken ct) =>
        db.AnprHotlistVersion.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Version).FirstAsync(ct);

    /// <summary>Bumps the shared version inside the caller's save (a raw write, so concurrent saves never conflict on it).</summary>
    public static async Task<int> BumpVersionAsync(SenningenDbContext db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""UPDATE anpr_hotlist_version SET "Version" = "Version" + 1 WHERE "Id" = 1""");
        return await command.ExecuteOneAsync(ct);
    }
}
