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
/// Demo and training: drives a shipped route as a live operation, one fix a second with wall-clock times, through the
/// same use cases as a real officer and tracker, acting as the user who started it; the speed-up makes the car
/// faster, never the clock. Demo mode only.
/// </summary>
public sealed partial class DemoSimulator(IServiceScopeFactory scopes, NodeSettings settings, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<DemoSimulator> logger)
{
    private readonly Lazy<IReadOnlyList<PursuitRoute>> _routes = new(() => Load(settings));

    /// <summary>The shipped routes that start in this node's country.</summary>
    public IReadOnlyList<PursuitRoute> Routes => [.. _routes.Value.Where(r => r.HomeCountry == settings.Country)];

    /// <summary>Starts the route as a hot pursuit of <paramref name="officer"/>; null outside demo mode, for an unknown route or a refused start.</summary>
    public async Task<Guid?> StartAsync(string routeId, double speedUp, CurrentOfficer officer, string language)
    {
        ArgumentNullException.ThrowIfNull(officer);
        var route = Routes.FirstOrDefault(r => r.Id == routeId);
        if (!settings.DemoMode || route is null)
        {
            return null;
        }

        var user = officer.Principal;
        await using var scope = scopes.CreateOfficerScope(user);
        var request = new StartOperationRequest(OperationTypes.HotPursuit, [new OperationUnitInput(route.Unit.CallSign, route.Unit.Vehicle, route.Unit.Officers)],
            route.Vehicles, route.Suspect.Get(language), route.Reason.Get(language), route.HomeZone, $"DEMO-{route.Id}", null, null);
        if ((await scope.ServiceProvider.GetRequiredService<StartOperation>().StartAsync(request, CancellationToken.None)).Value is not { } started)
        {
            return null;
        }

        _ = Task.Run(() => DriveAsync(started.Id, route, speedUp, user, lifetime.ApplicationStopping));
        return started.Id;
    }

    private async Task DriveAsync(Guid id, PursuitRoute route, double speedUp, ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            var fixes = RouteReplay.Fixes(route, new ReplayOptions(route.Unit.CallSign, clock.GetUtcNow(), route.SpeedKmh * speedUp, NoiseMetres: 4))
                .ToList();
            foreach (var fix in fixes)
            {
                var wait = fix.Time - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct);
                }

                await using var scope = scopes.CreateOfficerScope(user);
                var batch = new PositionBatch([new PositionFixInput(fix.Unit, fix.Point.Latitude, fix.Point.Longitude, fix.Time, fix.Speed, fix.Heading, fix.Accuracy)]);
                if (!(await scope.ServiceProvider.GetRequiredService<RecordPositions>().RecordAsync(id, batch, ct)).Succeeded)
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

    private static List<PursuitRoute> Load(NodeSettings settings)
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
