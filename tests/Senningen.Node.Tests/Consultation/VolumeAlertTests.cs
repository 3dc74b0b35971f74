using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Node.Tests.Console;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Consultation;

/// <summary>A user searching more than the configured volume within the window raises one alert for the DPO, shown on the DPO's dashboard.</summary>
public sealed class VolumeAlertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThirdSearchAboveAThresholdOfTwo_RaisesOneAlert_NotOnePerSearch_AndTheDpoDashboardShowsIt()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"], settings: _ => new Dictionary<string, string?>
        {
            ["Senningen:Consultation:VolumeAlertSearches"] = "2",
            ["Senningen:Consultation:VolumeAlertWindow"] = "01:00:00",
        });
        var be = network["BE"];
        using var officer = await be.SignedInAsync("officer");

        for (var i = 0; i < 4; i++)
        {
            var response = await officer.PostAsJsonAsync("api/v1/consultation/searches", new ConsultationSearchRequest("hit-no-hit", "vehicles",
                "check", $"C{i}", Plate: "AB-123-C"), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var alerts = await QueryAsync(be, db => db.AuditEntries.CountAsync(e => e.Action == "consultation.volume-alert", Ct));
            alerts.ShouldBe(i < 2 ? 0 : 1, $"after search {i + 1}");
        }

        var alert = await QueryAsync(be, db => db.AuditEntries.SingleAsync(e => e.Action == "consultation.volume-alert", Ct));
        alert.Detail!.ShouldContain("officer made 3 consultation searches");
        using var dpo = await ConsoleSession.SignedInAsync(be, "dpo");
        var dashboard = await dpo.GetPageAsync("/");
        // The warning style only when there are alerts; the quiet one otherwise.
        dashboard.ShouldContain("class=\"alert alert-warn\" data-testid=\"dashboard-volume-alerts\"");
    }
}
