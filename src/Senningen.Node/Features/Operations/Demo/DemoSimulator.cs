using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.End;
using Senningen.Node.Features.Operations.Positions;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Start;

namespace Senningen.Node.Features.Operations.Demo;

/// <summary>
/// Demo and training: drives a shipped route as a live operation, one fix a second with wall-clock times, through the
/// same ingest as a real tracker; the speed-up makes the car faster, never the clock. Demo mode only.
/// </summary>
public sealed partial class DemoSimulator(IServiceScopeFactory scopes, NodeSettings settings, Texts texts, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<DemoSimulator> logger)
{
    private readonly Lazy<IReadOnlyList<PursuitRoute>> _routes = new(() => Load(settings));

    /// <summary>The shipped routes that start in this node's country.</summary>
    public IReadOnlyList<PursuitRoute> Routes => [.. _routes.Value.Where(r => r.HomeCountry == settings.Country)];

    public async Task<Guid?> StartAsync(string routeId, double speedUp, ClaimsPrincipal user, string language)
    {
        var route = Routes.FirstOrDefault(r => r.Id == routeId);
        if (!settings.DemoMode || route is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var request = new StartOperationRequest(OperationTypes.HotPursuit, [new OperationUnitInput(route.Unit.CallSign, route.Unit.Vehicle, route.Unit.Officers)],
            route.Vehicles, route.Suspect.Get(language), route.Reason.Get(language), route.HomeZone, $"DEMO-{route.Id}", null, null);
        var result = await StartOperation.HandleAsync(request, s.GetRequiredService<SenningenDbContext>(), s.GetRequiredService<AuditLog>(),
            s.GetRequiredService<ZoneDirectory>(), settings, s.GetRequiredService<OperationReader>(), s.GetRequiredService<ChangeFeed<OperationsChange>>(), user, texts,
            clock, CancellationToken.None);
        if (result.Result is not Created<OperationView> created)
        {
            return null;
        }

        var id = created.Value!.Id;
        _ = Task.Run(() => DriveAsync(id, route, speedUp, user, lifetime.ApplicationStopping));
        return id;
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

                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<PositionIngest>().RecordAsync(id,
                    [new PositionFixInput(fix.Unit, fix.Point.Latitude, fix.Point.Longitude, fix.Time, fix.Speed, fix.Heading, fix.Accuracy)], ct);
                if (outcome.Result is null)
                {
                    return;
                }
            }

            await using var end = scopes.CreateAsyncScope();
            var s = end.ServiceProvider;
            await EndOperation.HandleAsync(id, new EndOperationRequest("apprehended", null), s.GetRequiredService<SenningenDbContext>(),
                s.GetRequiredService<Common.Exchange.Outbox>(), s.GetRequiredService<AuditLog>(), s.GetRequiredService<OperationReader>(),
                s.GetRequiredService<ChangeFeed<OperationsChange>>(), settings, user, texts, clock, ct);
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
