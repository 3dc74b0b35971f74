using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Audit.Merkle;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>Reads the stored perfect nodes a proof or root needs, all in one query.</summary>
internal static class AuditTreeNodes
{
    /// <summary>The hashes of <paramref name="ids"/> that are stored; a missing one is simply absent.</summary>
    public static async Task<Dictionary<MerkleNodeId, byte[]>> ReadAsync(SenningenDbContext db, IReadOnlyCollection<MerkleNodeId> ids,
        CancellationToken ct)
    {
        var found = new Dictionary<MerkleNodeId, byte[]>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        // Pairs of key equalities, OR-ed: both stores answer each from the primary key; a proof asks for at most ~2·log2(n).
        var sql = new StringBuilder("""SELECT "Level", "Index", "Hash" FROM audit_tree_nodes WHERE """);
        var i = 0;
        foreach (var _ in ids)
        {
            sql.Append(i == 0 ? "" : " OR ").Append(CultureInfo.InvariantCulture, $"(\"Level\" = @l{i} AND \"Index\" = @i{i})");
            i++;
        }

        var opened = db.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = db.CreateCommand(sql.ToString());
            i = 0;
            foreach (var id in ids)
            {
                Add(command, $"l{i}", id.Level);
                Add(command, $"i{i}", id.Index);
                i++;
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found[new MerkleNodeId(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader.GetValue(2);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return found;
    }

    /// <summary>Runs a proof or root over the nodes it names, fetched in one query; null when a node is not stored (yet).</summary>
    public static async Task<T?> WithNodesAsync<T>(SenningenDbContext db, IReadOnlyList<MerkleNodeId> ids, Func<Func<MerkleNodeId, byte[]>, T> build,
        CancellationToken ct)
        where T : class
    {
        var nodes = await ReadAsync(db, ids.Distinct().ToList(), ct);
        return ids.All(nodes.ContainsKey) ? build(id => nodes[id]) : null;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
