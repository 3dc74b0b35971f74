using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Message-level encryption between real nodes (ADR 0029): a payload crosses encrypted, is handled, and sits in no
/// exchange table in clear on either side, while each node still reads its own copy; a partner with no encryption key
/// gets nothing.
/// </summary>
public sealed class PayloadEncryptionTests
{
    private const string Marker = "clear-text-marker-5e1d";

    private static readonly Dictionary<string, string?> Required = new() { ["Senningen:Exchange:Encryption"] = "Required" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task APingCrossesEncrypted_IsHandled_NoExchangeTableHoldsItInClear_AndEachNodeReadsItsCopy(Store store)
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"], store, settings: _ => Required);
        using var belgian = await network["BE"].SignedInAsync("controlroom");

        using var response = await belgian.PostAsJsonAsync("api/v1/exchange/ping", new PingRequest("NL", Marker), Ct);

        var result = (await response.Content.ReadFromJsonAsync<PingResult>(Ct))!;
        result.Outcome.ShouldBe("receipted", result.Reason);
        await EventuallyAsync(() => QueryAsync(network["NL"], db => db.Inbox.AnyAsync(m => m.Id == result.MessageId && m.Status == InboxStatus.Handled)),
            "the Dutch node has opened and handled the ping");
        foreach (var country in new[] { "BE", "NL" })
        {
            foreach (var table in new[] { "exchange_outbox", "exchange_inbox" })
            {
                var payloads = await RawPayloadsAsync(network[country], table);
                payloads.ShouldAllBe(p => !p.Contains(Marker), $"{country} {table} holds the payload in clear");
            }
        }

        var sent = await QueryAsync(network["BE"], db => db.Outbox.Where(m => m.Id == result.MessageId).Select(m => m.Payload).SingleAsync(Ct));
        PayloadEncryption.IsEncrypted(sent).ShouldBeTrue();
        (await RawPayloadsAsync(network["NL"], "exchange_inbox")).ShouldContain(sent, "the inbox keeps exactly the ciphertext it received");
        foreach (var country in new[] { "BE", "NL" })
        {
            using var reader = await network[country].SignedInAsync("controlroom");
            var detail = (await reader.GetFromJsonAsync<ExchangeMessageDetail>($"api/v1/exchange/messages/{result.MessageId}", Ct))!;
            detail.Envelope.Payload.ShouldContain(Marker, customMessage: $"{country} reads its own copy");
        }
    }

    [Fact]
    public async Task ToAPartnerThatPublishedNoEncryptionKey_NothingIsQueued_AndTheProblemSaysWhy()
    {
        // A partner whose address answers nothing: its key set, and so its encryption key, cannot be learnt.
        using var silent = HostilePartner.Create("NL");
        var settings = new Dictionary<string, string?>(silent.PartnerSettings(0)) { ["Senningen:Exchange:Encryption"] = "Required" };
        await using var belgium = await TestNode.StartAsync(country: "BE", settings: settings);
        using var belgian = await belgium.SignedInAsync("controlroom");

        using var response = await belgian.PostAsJsonAsync("api/v1/exchange/ping", new PingRequest("NL", Marker), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter.ShouldNotBeNull();
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        problem.GetProperty("type").GetString().ShouldEndWith(":partner-encryption-key-unknown");
        problem.GetProperty("partner").GetString().ShouldBe("NL");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("NL");
        (await QueryAsync(belgium, db => db.Outbox.CountAsync(Ct))).ShouldBe(0);
    }

    /// <summary>The payload column as the database holds it, read with plain SQL past the node's code.</summary>
    private static Task<List<string>> RawPayloadsAsync(TestNode node, string table) => QueryAsync(node, async db =>
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT \"Payload\" FROM {table}";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var payloads = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            payloads.Add(reader.GetString(0));
        }

        return payloads;
    });
}
