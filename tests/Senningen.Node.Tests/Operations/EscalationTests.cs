using Microsoft.EntityFrameworkCore;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Operations.PursuitFlowTests;

namespace Senningen.Node.Tests.Operations;

/// <summary>The partner's control room has a short acknowledgement window here, so that escalation happens within the test.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"],
        settings: _ => new Dictionary<string, string?> { ["Senningen:Operations:AcknowledgeWithin"] = "00:00:02" });

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NobodyAcknowledges_EscalatesToTheNationalDesk_AndTellsTheHomeControlRoom()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var dutchDesk = await _network["NL"].SignedInAsync("liaison");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P2");

        await DriveAsync(officer, operation.Id, LineEndingNow("BE-P2", InBelgium, InNetherlands));

        var alert = await WaitForAlertAsync(dutchDesk, operation.Id, a => a.Status == "escalated");
        alert.EscalatedAt.ShouldNotBeNull();
        await WaitForTimelineAsync(officer, operation.Id, "escalated");
        var audited = await QueryAsync(_network["NL"], db => db.AuditEntries.CountAsync(e => e.Action == "alert.escalate", Ct));
        audited.ShouldBe(1);
    }
}
