using System.Text.Json;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Bench.Exchange;

/// <summary><c>bench.load</c> v1: about 1 KB of JSON, the same bytes both sides carry.</summary>
internal sealed record LoadPayload(int Index, string Text)
{
    public const string Type = "bench.load";

    private static readonly string Filler = new('x', 1000);

    public static LoadPayload For(int index) => new(index, Filler);

    public static byte[] Utf8(int index) => JsonSerializer.SerializeToUtf8Bytes(For(index));
}

/// <summary>Receiving a load message has no effect beyond the inbox row, its audit entry and the "handled" mark.</summary>
internal sealed class LoadHandler : IMessageHandler<LoadPayload>
{
    public Task HandleAsync(InboxMessage message, LoadPayload payload, SenningenDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}
