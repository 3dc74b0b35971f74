using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Marks a round of inbox messages handled with one prepared UPDATE each, without tracking them, and only where this
/// instance still claims them: run first in the save's transaction, so a message taken over by another instance
/// (<see cref="ClaimSweeper"/>) throws <see cref="ClaimLostException"/> and its handler's effects are rolled back with it.
/// On PostgreSQL the UPDATE also locks the row until commit, so the claim cannot be taken away in between.
/// </summary>
internal static class InboxHandled
{
    private const string Sql = """
        UPDATE exchange_inbox SET "Status" = @status, "HandledAtMs" = @at, "HandleAttempts" = "HandleAttempts" + 1,
          "ClaimedBy" = NULL, "ClaimedUntilMs" = NULL
        WHERE "Id" = @id AND "ClaimedBy" = @me AND "Status" = @accepted
        """;

    // Locks a row this instance claims (a no-op UPDATE) before a save records a failed attempt under that claim.
    private const string HoldSql = """UPDATE exchange_inbox SET "ClaimedBy" = "ClaimedBy" WHERE "Id" = @id AND "ClaimedBy" = @me AND "Status" = @accepted""";

    public static async Task<int> WriteAsync(SenningenDbContext db, IReadOnlyList<InboxMessage> messages, long handledAtMs, string instance,
        CancellationToken ct)
    {
        await using var command = db.CreateCommand(Sql);
        command.Add("@status", (int)InboxStatus.Handled);
        command.Add("@at", handledAtMs);
        command.Add("@me", instance);
        command.Add("@accepted", (int)InboxStatus.Accepted);
        var id = command.Add("@id", Guid.Empty);
        return await ClaimedRows.WriteEachAsync(command, messages, m => (Guid)(id.Value = m.Id), ct);
    }

    /// <summary>Throws <see cref="ClaimLostException"/> unless this instance still claims the message; locks its row to commit.</summary>
    public static async Task<int> HoldAsync(SenningenDbContext db, Guid message, string instance, CancellationToken ct)
    {
        await using var command = db.CreateCommand(HoldSql);
        command.Add("@me", instance);
        command.Add("@accepted", (int)InboxStatus.Accepted);
        var id = command.Add("@id", Guid.Empty);
        return await ClaimedRows.WriteEachAsync(command, [message], m => (Guid)(id.Value = m), ct);
    }
}
