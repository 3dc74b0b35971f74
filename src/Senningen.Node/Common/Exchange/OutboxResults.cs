using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Stores a round's delivery outcomes with one prepared UPDATE per message: the dispatcher reads its messages
/// untracked, so a round of a few hundred costs no change tracking, only the rows. Each UPDATE applies only where this
/// instance still claims the message; a claim taken over meanwhile (<see cref="ClaimSweeper"/>) throws
/// <see cref="ClaimLostException"/> and the save commits nothing, so a stale outcome never overwrites the new claimant's.
/// </summary>
internal static class OutboxResults
{
    private const string Sql = """
        UPDATE exchange_outbox SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAtMs" = @next, "LastAttemptAtMs" = @last,
          "LastError" = @error, "Receipt" = @receipt, "CompletedAtMs" = @completed, "ClaimedBy" = NULL, "ClaimedUntilMs" = NULL
        WHERE "Id" = @id AND "ClaimedBy" = @me AND "Status" = 0
        """;

    public static async Task<int> WriteAsync(SenningenDbContext db, IReadOnlyList<OutboxMessage> messages, string instance, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Sql);
        var status = command.Add("@status", 0);
        var attempts = command.Add("@attempts", 0);
        var next = command.Add("@next", 0L);
        var last = command.Add("@last", null);
        var error = command.Add("@error", null);
        var receipt = command.Add("@receipt", null);
        var completed = command.Add("@completed", null);
        var id = command.Add("@id", Guid.Empty);
        command.Add("@me", instance);
        return await ClaimedRows.WriteEachAsync(command, messages, message =>
        {
            status.Value = (int)message.Status;
            attempts.Value = message.Attempts;
            next.Value = message.NextAttemptAt.ToUnixTimeMilliseconds();
            last.Value = (object?)message.LastAttemptAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            error.Value = (object?)message.LastError ?? DBNull.Value;
            receipt.Value = (object?)message.Receipt ?? DBNull.Value;
            completed.Value = (object?)message.CompletedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            id.Value = message.Id;
            return message.Id;
        }, ct);
    }
}
