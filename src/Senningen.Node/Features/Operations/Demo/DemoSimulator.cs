using System.Security.Claims;
using Senningen.Contracts.Operations;
using Senningen.Core.Operations;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Officers;
using Senningen.Node.Features.Operations.End;
using Senningen.Node.Features.Operations.Positions;
using Senningen.Node.Features.Operations.Start;

namespace Senningen.Node.Features.Operations.Demo;

/// <summary>
/// Demo and training: drives a shipped route as a live operation through the same use cases as a real officer and
/// tracker, acting as the user who started it. The speed-up compresses the replay, never the car: every fix carries the
/// road speed and its true time (<see cref="ReplaySchedule"/>), so the node's plausibility rules accept each one. Demo mode only.
/// </summary>
public sealed partial class DemoSimulator(IServiceScopeFactory scopes, NodeSettings settings, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<DemoSimulator> logger)
{
    private readonly Lazy<IReadOnlyList<PursuitRoute>> _routes = new(Shipped);

    /// <summary>The shipped routes that start in this node's country.</summary>
    public IReadOnlyList<PursuitRoute> Routes => [.. _routes.Value.Where(r => r.HomeCountry == settings.Country)];

    /// <summary>Starts the route as a hot pursuit of <paramref name="officer"/>; null outside demo mode, for an unknown route or a refused start.</summary>
    public async Task<Guid?> StartAsync(string routeId, int speedUp, CurrentOfficer officer, string language)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var route = Routes.FirstOrDefault(r => r.Id == routeId);
        if (!settings.DemoMode || route is null || !ReplaySchedule.SpeedUps.Contains(speedUp))
        {
            return null;
        }

        var user = officer.Principal;
        await using var scope = scopes.CreateOfficerScope(user);
        var request = new StartOperationRequest(OperationTypes.HotPursuit, [new OperationUnitInput(route.Unit.CallSign, route.Unit.Vehicle, route.Unit.Officers)],
            route.Vehicles, route.Suspect.Get(language), route.Reason.Get(language), route.HomeZone, $"DEMO-{route.Id}", null, null);
        var plan = ReplaySchedule.Plan(route, route.Unit.CallSign, speedUp, clock.GetUtcNow());
        if ((await scope.ServiceProvider.GetRequiredService<StartOperation>().StartAsync(request, plan.StartedAt, CancellationToken.None)).Value is not { } started)
        {
            return null;
        }

        _ = Task.Run(() => DriveAsync(started.Id, plan, user, lifetime.ApplicationStopping));
        return started.Id;
    }

    /// <summary>The fix as a tracker sends it; the test of every route at every speed-up checks exactly these.</summary>
    internal static PositionFixInput ToInput(PositionFix fix) =>
        new(fix.Unit, fix.Point.Latitude, fix.Point.Longitude, fix.Time, fix.Speed, fix.Heading, fix.Accuracy);

    private async Task DriveAsync(Guid id, ReplayPlan plan, ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            foreach (var batch in plan.Batches)
            {
                var wait = batch.SendAt - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct);
                }

                await using var scope = scopes.CreateOfficerScope(user);
                var positions = new PositionBatch([.. batch.Fixes.Select(ToInput)]);
                if (!(await scope.ServiceProvider.GetRequiredService<RecordPositions>().RecordAsync(id, positions, ct)).Succeeded)
                {
                    // Ended (or gone) meanwhile: nothing left to drive.
                    return;
                }
            }

            await using var end = scopes.CreateOfficerScope(user);
            await end.ServiceProvider.GetRequiredService<EndOperation>().EndAsync(id, new EndOperationRequest("apprehended", null), ct);
        }
        catch (OperationCanceledException)
        {
            // The node is stopping; the operation stays active like any interrupted one.
        }
        catch (Exception ex)
        {
            LogFailed(logger, id, ex);
        }
    }

    /// <summary>Every route shipped next to the node, whichever country it starts in.</summary>
    internal static IReadOnlyList<PursuitRoute> Shipped()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "routes");
        return !Directory.Exists(directory)
            ? []
            : [.. Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
                .Select(f => RouteFile.Parse(File.ReadAllText(f)))
                .Where(r => r.IsSuccess)
                .Select(r => r.Route!)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo replay of operation {OperationId} stopped")]
    private static partial void LogFailed(ILogger logger, Guid operationId, Exception exception);
}
