using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Features.Operations.Data;
using Senningen.Core.Operations;
using Senningen.Node.Features.Operations.Messages;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// A Belgian pursuit crosses into the Netherlands and into Luxembourg. Luxembourg's own alert shows the pursuit's id;
/// with it, Luxembourg must not end, re-route, feed positions to or take over the Dutch alert. Only Belgium speaks about it.
/// </summary>
public sealed class OperationOwnershipTests : IAsyncLifetime
{
    private static readonly DateTimeOffset CrossedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
    private readonly Guid _pursuit = Guid.CreateVersion7();
    private HostileScene _scene = null!;

    public async ValueTask InitializeAsync()
    {
        _scene = await HostileScene.StartAsync();
        var crossing = _scene.Belgium.Sign(_scene.Belgium.Envelope(_scene.Node, CrossingPayload.Type, Crossing("BE", "NL-LIMBURG")));
        (await _scene.Belgium.SendAsync(_scene.Node, crossing)).Status.ShouldBe("Accepted");
        await _scene.HandledAsync();
    }

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task LuxembourgEndingTheBelgianPursuit_IsRefused_AndTheDutchAlertStaysOpen()
    {
        await ExpectRefusedAsync(EndedPayload.Type, new EndedPayload(_pursuit, "arrested", DateTimeOffset.UtcNow, Report()));

        (await AlertAsync()).Status.ShouldNotBe(AlertStatus.Closed);
    }

    [Fact]
    public async Task LuxembourgAnnouncingTheBelgianPursuitAsItsOwn_IsRefused_AndTheAlertStaysBelgian()
    {
        await ExpectRefusedAsync(CrossingPayload.Type, Crossing("LU", "NL-ZEELAND"));

        (await AlertAsync()).FromCountry.Value.ShouldBe("BE");
    }

    [Fact]
    public async Task LuxembourgClaimingToBeBelgiumInTheCrossing_IsRefused() =>
        await ExpectRefusedAsync(CrossingPayload.Type, Crossing("BE", "NL-LIMBURG") with { OperationId = Guid.CreateVersion7() });

    [Fact]
    public async Task LuxembourgSayingTheUnitsLeft_IsRefused() =>
        await ExpectRefusedAsync(LeftPayload.Type, new LeftPayload(_pursuit, "BE-PATROL-1", "LU", DateTimeOffset.UtcNow, []));

    [Fact]
    public async Task LuxembourgFeedingPositionsToTheDutchAlert_IsRefused() =>
        await ExpectRefusedAsync(PositionsPayload.Type,
            new PositionsPayload(_pursuit, [new ForwardedFix("BE-PATROL-1", DateTimeOffset.UtcNow, 52.37, 4.89, 120, 0)]));

    [Fact]
    public async Task LuxembourgAcknowledgingANoticeItWasNeverSent_IsRefused()
    {
        // Played the other way round: the Dutch node is home, Luxembourg replies to a notice of an operation it never heard of.
        var reply = new AcknowledgedPayload(_pursuit, Guid.CreateVersion7(), "NL-LIMBURG", "CIC Luxembourg", "agent", DateTimeOffset.UtcNow);
        await _scene.ExpectRefusedAsync(_scene.Luxembourg,
            _scene.Luxembourg.Sign(_scene.Luxembourg.Envelope(_scene.Node, AcknowledgedPayload.Type, reply)), RejectionReasons.NoSuchNotice);
    }

    private async Task ExpectRefusedAsync(string type, object payload) =>
        await _scene.ExpectRefusedAsync(_scene.Luxembourg, _scene.Luxembourg.Sign(_scene.Luxembourg.Envelope(_scene.Node, type, payload)),
            RejectionReasons.NotOperationOwner);

    private Task<Alert> AlertAsync() =>
        QueryAsync(_scene.Node, db => db.Alerts.AsNoTracking().SingleAsync(a => a.OperationId == _pursuit));

    private CrossingPayload Crossing(string home, string zone) => new(_pursuit, "hot-pursuit", home, "BE-HAINAUT", ["BE-PATROL-1"],
        ["1-ABC-123"], "Man, 30s, dark jacket", "Armed robbery", "BE-PATROL-1", home, null, zone, CrossedAt, 51.2, 5.8, 90, 120, null, [zone]);

    private ReportFacts Report() => new(_pursuit, "hot-pursuit", "LU", "LU-CENTRE", null, [], [], null, null, CrossedAt, "agent", DateTimeOffset.UtcNow,
        "arrested", null, [], [], [], 0, []);
}
