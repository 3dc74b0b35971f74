using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Marks a round of inbox messages handled with one UPDATE each (<see cref="RowStatement"/>: one round trip on
/// PostgreSQL), without tracking them, and only where this instance still claims them: run first in the save's
/// transaction, so a message taken over by another instance (<see cref="ClaimSweeper"/>) throws
/// <see cref="ClaimLostException"/> and its handler's effects are rolled back with it. On PostgreSQL the UPDATE also
/// locks the row until commit, so the claim cannot be taken away in between.
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

    private static readonly string[] Names = ["@status", "@at", "@me", "@accepted", "@id"];
    private static readonly string[] HoldNames = ["@me", "@accepted", "@id"];

    public static Task<int> WriteAsync(SenningenDbContext db, IReadOnlyList<InboxMessage> messages, long handledAtMs, string instance,
        CancellationToken ct) =>
        ClaimedRows.WriteEachAsync(db, Sql, Names, messages, m => m.Id,
            m => [(int)InboxStatus.Handled, handledAtMs, instance, (int)InboxStatus.Accepted, m.Id], ct);

    /// <summary>Throws <see cref="ClaimLostException"/> unless this instance still claims the message; locks its row to commit.</summary>
    public static Task<int> HoldAsync(SenningenDbContext db, Guid message, string instance, CancellationToken ct) =>
        ClaimedRows.WriteEachAsync(db, HoldSql, HoldNames, [message], m => m, m => [instance, (int)InboxStatus.Accepted, m], ct);
}
