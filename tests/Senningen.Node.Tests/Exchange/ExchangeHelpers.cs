using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Countries;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Exchange;

internal static class ExchangeHelpers
{
    public static async Task<List<Guid>> EnqueueAsync(TestNode sender, string recipient, int count, Guid? conversation = null,
        string type = PingPayload.Type, Func<int, object>? payload = null, TimeSpan? lifetime = null)
    {
        await using var scope = sender.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var message = await outbox.EnqueueAsync(CountryCode.Parse(recipient), type, 1, payload?.Invoke(i) ?? new PingPayload($"#{i}"),
                conversation, "TEST-CASE-1", lifetime);
            ids.Add(message.Id);
        }

        await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync();
        return ids;
    }

    public static async Task<T> QueryAsync<T>(TestNode node, Func<SenningenDbContext, Task<T>> query)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SenningenDbContext>());
    }

    public static Task<int> CountOutboxAsync(TestNode node, OutboxStatus status) =>
        QueryAsync(node, db => db.Outbox.CountAsync(m => m.Status == status));

    public static Task<int> CountInboxAsync(TestNode node) => QueryAsync(node, db => db.Inbox.CountAsync());

    /// <summary>Waits (on the real clock) until the condition holds, or fails with the description.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string description, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out waiting until {description}.");
    }
}
