using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>Marks a round of inbox messages handled with one prepared UPDATE each, without tracking them.</summary>
internal static class InboxHandled
{
    private const string Sql = """
        UPDATE exchange_inbox SET "Status" = @status, "HandledAtMs" = @at, "HandleAttempts" = "HandleAttempts" + 1,
          "ClaimedBy" = NULL, "ClaimedUntilMs" = NULL
        WHERE "Id" = @id
        """;

    public static async Task<int> WriteAsync(SenningenDbContext db, IReadOnlyList<InboxMessage> messages, long handledAtMs, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Sql);
        command.Add("@status", (int)InboxStatus.Handled);
        command.Add("@at", handledAtMs);
        var id = command.Add("@id", Guid.Empty);
        var written = 0;
        foreach (var message in messages)
        {
            id.Value = message.Id;
            written += await command.ExecuteOneAsync(ct);
        }

        return written;
    }
}
