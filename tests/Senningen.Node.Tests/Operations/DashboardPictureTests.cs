using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Officers;
using Senningen.Node.Features.Anpr.Public;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Requests.Public;
using Senningen.Testing;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Operations.PursuitFlowTests;

namespace Senningen.Node.Tests.Operations;

/// <summary>
/// The dashboard's ports count and cut in the database, on both stores: a Belgian pursuit in the Netherlands is an
/// unacknowledged alert and a foreign operation at NL, an operation abroad at BE, with the zone's control room by name.
/// </summary>
public sealed class DashboardPictureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Picture_CountsAndListsAlertsForeignOperationsAndOperationsAbroad(Store store)
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"], store);
        using var officer = await network["BE"].SignedInAsync("officer");
        using var dutchRoom = await network["NL"].SignedInAsync("controlroom");
        var quiet = await StartPursuitAsync(officer, "BE-VAN", "BE-Q1");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-D1");
        await DriveAsync(officer, operation.Id, LineEndingNow("BE-D1", InBelgium, InNetherlands));
        await WaitForAlertAsync(dutchRoom, operation.Id);

        // The picture is the viewer's: the zone's control room at NL, the officer who runs the pursuit at BE.
        await using var nl = network["NL"].Services.GetRequiredService<IServiceScopeFactory>().CreateOfficerScope(await network["NL"].PrincipalAsync("controlroom"));
        var picture = nl.ServiceProvider.GetRequiredService<OperationsPicture>();
        var alerts = await picture.UnacknowledgedAlertsAsync(5, "nl", Ct);
        var foreign = await picture.ForeignOperationsAsync(5, "nl", Ct);
        await using var be = network["BE"].Services.GetRequiredService<IServiceScopeFactory>().CreateOfficerScope(await network["BE"].PrincipalAsync("officer"));
        var abroad = await be.ServiceProvider.GetRequiredService<OperationsPicture>().AbroadAsync(5, "fr", Ct);

        alerts.Count.ShouldBe(1);
        var alert = alerts.Top.ShouldHaveSingleItem();
        (alert.OperationId, alert.Zone, alert.ControlRoom, alert.FromCountry, alert.Status).ShouldBe(
            (operation.Id, "NL-RE08", "Meldkamer Zeeland-West-Brabant", "BE", "open"));
        foreign.Count.ShouldBe(1);
        abroad.Count.ShouldBe(1);
        var line = abroad.Top.ShouldHaveSingleItem();
        (line.Id, line.Country, line.Zone, line.ZoneName).ShouldBe((operation.Id, "NL", "NL-RE08", "Centre de dispatching (meldkamer) Zeeland-West-Brabant"));
        line.UnitsAbroad.ShouldBe(["BE-D1"]);
        abroad.Top.ShouldNotContain(o => o.Id == quiet.Id);
        (await ActivatorUtilities.CreateInstance<UnacknowledgedHits>(nl.ServiceProvider).CountAsync(Ct)).ShouldBe(0);
        (await ActivatorUtilities.CreateInstance<RequestDeadlines>(nl.ServiceProvider).DueAsync(TimeSpan.FromDays(1), 5, Ct)).Count.ShouldBe(0);

        (await picture.UnacknowledgedAlertsAsync(0, "nl", Ct)).ShouldSatisfyAllConditions(s => s.Count.ShouldBe(1), s => s.Top.ShouldBeEmpty());
    }
}
