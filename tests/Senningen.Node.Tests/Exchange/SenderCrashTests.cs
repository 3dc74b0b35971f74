using System.Net.Http.Json;
using Senningen.Contracts.Exchange;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>The Belgian node runs as its own process and is killed with SIGKILL after committing a message it could not yet deliver.</summary>
public sealed class SenderCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SenderKilledAfterCommitBeforeDelivery_MessageStillArrivesAfterRestart()
    {
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Exchange:DeliveryTimeout"] = "00:00:01" });
        var belgium = network["BE"];
        Guid messageId;
        await using (var first = await NodeProcess.StartAsync(belgium))
        {
            using var operator_ = await belgium.SignedInAsync("controlroom");
            var ping = await (await operator_.PostAsJsonAsync("api/v1/exchange/ping", new PingRequest("NL", "before the crash"), Ct))
                .Content.ReadFromJsonAsync<PingResult>(Ct);
            ping!.Outcome.ShouldBe("pending");
            messageId = ping.MessageId;
            first.Kill();
        }

        await network["NL"].StartAgainAsync();
        await using var second = await NodeProcess.StartAsync(belgium);

        await EventuallyAsync(async () => await CountInboxAsync(network["NL"]) == 1, "the Dutch node has the message");
        using var admin = await belgium.SignedInAsync("admin");
        await EventuallyAsync(async () =>
        {
            var detail = await admin.GetFromJsonAsync<ExchangeMessageDetail>($"api/v1/exchange/messages/{messageId}", Ct);
            return detail!.Message.Status == "receipted";
        }, "the Belgian node holds the receipt");
    }
}
