using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// <c>exchange.ping</c> v1: a signed round trip that proves the whole path (signature, trust list, inbox, receipt).
/// Receiving it has no effect beyond the inbox row and the audit entry.
/// </summary>
public sealed record PingPayload(string? Note) : IValidatedPayload
{
    public const string Type = "exchange.ping";

    public IEnumerable<string> Problems()
    {
        if (Note is { Length: > 500 })
        {
            yield return "note is longer than 500 characters";
        }
    }
}

internal sealed class PingHandler : IMessageHandler<PingPayload>
{
    public Task HandleAsync(InboxMessage message, PingPayload payload, SenningenDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}
