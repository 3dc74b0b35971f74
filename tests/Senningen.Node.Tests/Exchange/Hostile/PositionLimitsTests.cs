using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Messages;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// The operation's own home country, Belgium, sends more positions than any home node would: more in one message than
/// a unit may record at once, or more for one operation than the Dutch node keeps of a foreign track.
/// </summary>
public sealed class PositionLimitsTests : IAsyncLifetime
{
    private readonly Guid _pursuit = Guid.CreateVersion7();
    private HostileScene _scene = null!;

    public async ValueTask InitializeAsync()
    {
        // Room for a message of 10,001 fixes; the payload limit, not the body limit, is what these tests are about.
        _scene = await HostileScene.StartAsync(new Dictionary<string, string?> { ["Senningen:Api:MaxRequestBodyBytes"] = "8388608" });
        var crossing = new CrossingPayload(_pursuit, "hot-pursuit", "BE", "BE-HAINAUT", ["BE-PATROL-1"], [], null, null, "BE-PATROL-1", "BE", null,
            "NL-LIMBURG", DateTimeOffset.UtcNow.AddMinutes(-1), 51.2, 5.8, null, null, null, ["NL-LIMBURG"]);
        (await _scene.Belgium.SendAsync(_scene.Node, Signed(CrossingPayload.Type, crossing))).Status.ShouldBe("Accepted");
        await _scene.HandledAsync();
    }

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task OneMessageWithMoreFixesThanAUnitMayRecordAtOnce_IsRefused()
    {
        var envelope = Signed(PositionsPayload.Type, Positions(PositionsHandler.MaxFixesPerMessage + 1));

        await _scene.ExpectRefusedAsync(_scene.Belgium, envelope, RejectionReasons.TooManyFixes);
    }

    [Fact]
    public async Task FixesBeyondWhatTheNodeKeepsOfOneOperation_AreRefused_WhileTheFirstOnesWereKept()
    {
        (await _scene.Belgium.SendAsync(_scene.Node, Signed(PositionsPayload.Type, Positions(100)))).Status.ShouldBe("Accepted");
        await _scene.HandledAsync();
        await FillTrackAsync(PositionsHandler.MaxFixesPerOperation);

        await _scene.ExpectRefusedAsync(_scene.Belgium, Signed(PositionsPayload.Type, Positions(1)), RejectionReasons.FixQuotaExceeded);

        (await QueryAsync(_scene.Node, db => db.AlertFixes.CountAsync(f => f.OperationId == _pursuit))).ShouldBe(PositionsHandler.MaxFixesPerOperation);
    }

    private EnvelopeWire Signed(string type, object payload) => _scene.Belgium.Sign(_scene.Belgium.Envelope(_scene.Node, type, payload));

    private PositionsPayload Positions(int count)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new PositionsPayload(_pursuit, [.. Enumerable.Range(1, count).Select(i => new ForwardedFix("BE-PATROL-1", start.AddMilliseconds(i), 51.2, 5.8, null, null))]);
    }

    // The track the Belgian pursuit has so far, topped up in one statement to the given count (rows by hand would take minutes).
    private Task<int> FillTrackAsync(int total) => QueryAsync(_scene.Node, async db =>
    {
        var kept = await db.AlertFixes.CountAsync(f => f.OperationId == _pursuit);
        return await db.Database.ExecuteSqlRawAsync("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0})
            INSERT INTO "ops_alert_fixes" ("OperationId", "Unit", "TimeMs", "Lat", "Lon")
            SELECT (SELECT "OperationId" FROM "ops_alert_fixes" LIMIT 1), 'SEED', i, 51.2, 5.8 FROM n
            """, total - kept);
    });
}
