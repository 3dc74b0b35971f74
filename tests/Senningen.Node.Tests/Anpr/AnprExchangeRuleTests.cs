using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Anpr;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>Who exchanges ANPR hits is data (settings with the treaty's defaults), enforced by the sender and the receiver.</summary>
public sealed class AnprExchangeRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("BE", "NL")]
    [InlineData("NL", "BE")]
    [InlineData("LU", "")]
    public void Defaults_FollowTheTreaty_BelgiumAndTheNetherlandsOnly(string country, string partners)
    {
        var settings = AnprSettings.Read(new ConfigurationBuilder().Build(), Node(country));

        string.Join(",", settings.ExchangePartners.Select(c => c.Value)).ShouldBe(partners);
    }

    [Theory]
    [InlineData("Senningen:Anpr:MaxReadsPerBatch", "0", "Senningen:Anpr:MaxReadsPerBatch = '0' is not valid")]
    [InlineData("Senningen:Anpr:HotlistPollInterval", "often", "Senningen:Anpr:HotlistPollInterval = 'often' is not valid")]
    [InlineData("Senningen:Anpr:ExchangePartners:0", "BE", "Senningen:Anpr:ExchangePartners holds 'BE'")]
    public void BadSetting_NamesTheKey(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var problem = Should.Throw<ConfigurationProblemException>(() => AnprSettings.Read(configuration, Node("BE")));

        problem.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANodeThatTakesNoPartInAnprExchange_RefusesAHitSentToIt_AndStoresNothing()
    {
        // A Belgian node misconfigured to send to Luxembourg: Luxembourg's own rule still keeps the hit out.
        await using var network = await TestNetwork.StartAsync(["BE", "LU"],
            settings: c => c == "BE" ? new Dictionary<string, string?> { ["Senningen:Anpr:ExchangePartners:0"] = "LU" } : []);
        await RegisterCamerasAsync(network["BE"]);
        using var desk = await network["BE"].SignedInAsync("liaison");
        using var gateway = await network["BE"].SignedInAsync("officer");
        await ImportCsvAsync(desk, $"{CsvHeader}\n{Line("DT-4421", "stolen-vehicle", "LU")}");

        (await SendAsync(gateway, Read(PoliceCamera, "DT-4421"))).Hits.ShouldHaveSingleItem().SentTo.ShouldBe("LU");

        // Refused on receipt with a signed rejection naming the rule, so Belgium learns why; audited once at Luxembourg.
        await EventuallyAsync(async () => await QueryAsync(network["BE"], db => db.Outbox.AnyAsync(
            m => m.Type == "anpr.hit" && m.Status == OutboxStatus.Rejected && m.LastError == RejectionReasons.NotAnprPartner, Ct)),
            "Luxembourg refuses the hit");
        (await QueryAsync(network["LU"], db => db.AuditEntries.CountAsync(
            e => e.Action == AuditActions.MessageRefused && e.Outcome == AuditOutcomes.Denied && e.Detail!.Contains(RejectionReasons.NotAnprPartner), Ct))).ShouldBe(1);
        (await QueryAsync(network["LU"], db => db.AnprHits.CountAsync(Ct))).ShouldBe(0);
        (await QueryAsync(network["LU"], db => db.Inbox.CountAsync(Ct))).ShouldBe(0);
    }

    private static NodeSettings Node(string country) =>
        NodeSettingsFor(CountryCode.Parse(country));

    private static NodeSettings NodeSettingsFor(CountryCode country)
    {
        var values = new Dictionary<string, string?>
        {
            ["Senningen:Node:Country"] = country.Value,
            ["Senningen:Node:PublicUrl"] = "http://127.0.0.1/",
            ["Senningen:Node:DataDirectory"] = Path.GetTempPath(),
        };
        return NodeSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
