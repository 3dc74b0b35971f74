using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Audit.Witness;
using Senningen.Node.Features.Audit.Witness.Data;
using Senningen.Node.Features.Audit.Witness.Messages;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Audit;

/// <summary>When and to whom the Belgian node sends its tree heads.</summary>
public sealed class WitnessPublishingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publisher_SendsTheLatestHeadOnItsOwnEveryInterval_AndTheVerdictComesBack()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"],
            settings: country => new Dictionary<string, string?> { ["Senningen:Audit:PublishHeadsEvery"] = country == "BE" ? "00:00:01" : "01:00:00" });

        await EventuallyAsync(async () => await QueryAsync(network["BE"], db => db.HeadConfirmations.AnyAsync(Ct)), "BE published on its own and NL answered");

        (await QueryAsync(network["BE"], db => db.HeadConfirmations.FirstAsync(Ct))).Verdict.ShouldBe("consistent");
        (await QueryAsync(network["NL"], db => db.HeadConfirmations.AnyAsync(Ct))).ShouldBeFalse("NL publishes hourly here");
    }

    [Fact]
    public async Task PartnerThatOwesAVerdict_IsNotSentAnotherHead_UntilItAnswers()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        await network["NL"].StopAsync();
        using var dpo = await network["BE"].SignedInAsync("dpo");
        await network["BE"].AuditIntegratedAsync();

        var first = await PublishAsync(dpo);
        var second = await PublishAsync(dpo);

        first.SentTo.ShouldBe(["NL"]);
        first.Head.ShouldNotBeNull();
        second.SentTo.ShouldBeEmpty();
        second.Awaiting.ShouldBe(["NL"]);
        (await QueryAsync(network["BE"], db => db.Outbox.CountAsync(m => m.Type == TreeHeadPayload.Type, Ct))).ShouldBe(1);

        await network["NL"].StartAgainAsync();
        await EventuallyAsync(async () => await QueryAsync(network["BE"], db => db.HeadConfirmations.AnyAsync(Ct)), "NL answered once back");
        await network["BE"].AuditIntegratedAsync();
        var third = await PublishAsync(dpo);

        third.SentTo.ShouldBe(["NL"]);
        var sent = await QueryAsync(network["BE"], db => db.Outbox.Where(m => m.Type == TreeHeadPayload.Type).OrderBy(m => m.CreatedAt).ToListAsync(Ct));
        var payload = System.Text.Json.JsonSerializer.Deserialize<TreeHeadPayload>(sent[^1].Payload, Common.Exchange.WireMapping.Json)!;
        payload.FromSize.ShouldBe(first.Head.Size, "the proof starts from the head NL confirmed");
        payload.Proof.ShouldNotBeNull().ShouldNotBeEmpty();
        await EventuallyAsync(async () => await QueryAsync(network["BE"], db => db.HeadConfirmations.CountAsync(c => c.Verdict == "consistent", Ct)) == 2,
            "NL found the grown head consistent");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("00:00:00.500")]
    [InlineData("-00:05:00")]
    public void BadPublishInterval_StopsTheNodeNamingTheKey(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Senningen:Audit:PublishHeadsEvery"] = value }).Build();

        var problem = Should.Throw<ConfigurationProblemException>(() => WitnessSettings.Read(configuration));

        problem.Problems.ShouldHaveSingleItem().ShouldContain("Senningen:Audit:PublishHeadsEvery");
    }

    private static async Task<TreeHeadsPublished> PublishAsync(HttpClient dpo)
    {
        using var response = await dpo.PostAsync("api/v1/audit/tree-heads/publish", null, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TreeHeadsPublished>(Ct))!;
    }
}
