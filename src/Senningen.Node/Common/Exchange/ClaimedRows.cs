using System.Data.Common;

namespace Senningen.Node.Common.Exchange;

/// <summary>Runs a prepared UPDATE conditional on the claim for each message, and throws if any claim was lost.</summary>
internal static class ClaimedRows
{
    /// <param name="bind">Sets the command's parameters for one item and returns its message id.</param>
    public static async Task<int> WriteEachAsync<T>(DbCommand command, IEnumerable<T> items, Func<T, Guid> bind, CancellationToken ct)
    {
        var written = 0;
        List<Guid>? lost = null;
        foreach (var item in items)
        {
            var message = bind(item);
            var rows = await command.ExecuteNonQueryAsync(ct);
            if (rows == 1)
            {
                written++;
            }
            else
            {
                (lost ??= []).Add(message);
            }
        }

        // Thrown inside the save's transaction, which then commits nothing of this round.
        return lost is null ? written : throw new ClaimLostException(lost);
    }
}
