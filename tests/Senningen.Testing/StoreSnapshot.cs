using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;

namespace Senningen.Testing;

/// <summary>
/// Every table of a node's database but the audit log, each as a row count and a hash of its rows (in any order): two
/// snapshots that compare equal mean nothing was added, changed or removed. The audit log is left out because a refusal
/// is meant to add to it; tests count its growth themselves.
/// </summary>
public sealed record StoreSnapshot(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    public static async Task<StoreSnapshot> TakeAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Where(t => !t.StartsWith("audit_", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                result[table] = await HashAsync(connection, table);
            }

            return new StoreSnapshot(result);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>The tables whose content differs, for an assertion message that says where.</summary>
    public IReadOnlyList<string> ChangedSince(StoreSnapshot before) =>
        [.. Tables.Keys.Union(before.Tables.Keys).Where(t => !Tables.TryGetValue(t, out var now) || !before.Tables.TryGetValue(t, out var then) || now != then)
            .Select(t => $"{t} ({(before.Tables.TryGetValue(t, out var b) ? b.Rows : 0)} → {(Tables.TryGetValue(t, out var a) ? a.Rows : 0)} rows)")];

    private static async Task<(long, string)> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var line = new StringBuilder();
        while (await reader.ReadAsync())
        {
            line.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                line.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes)
                    : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(line.ToString()))));
        }

        rows.Sort(StringComparer.Ordinal);
        return (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)))));
    }
}
