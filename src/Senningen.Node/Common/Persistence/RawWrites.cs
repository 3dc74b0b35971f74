using System.Data.Common;

namespace Senningen.Node.Common.Persistence;

/// <summary>Parameters for the raw writes of a save (see <see cref="SenningenDbContext.SaveChangesAsync(Func{CancellationToken, Task{int}}, CancellationToken)"/>).</summary>
internal static class RawWrites
{
    public static DbParameter Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Runs a statement meant to touch exactly one row; anything else is a bug (a key that does not match).</summary>
    public static async Task<int> ExecuteOneAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        var rows = await command.ExecuteNonQueryAsync(cancellationToken);
        return rows == 1 ? rows : throw new InvalidOperationException($"Expected one row, wrote {rows}: {command.CommandText}");
    }
}
