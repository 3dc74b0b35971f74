using System.Globalization;
using Senningen.Cli.Http;
using Senningen.Contracts.Operations;
using Senningen.Core.Operations;

namespace Senningen.Cli.Commands;

/// <summary>What to simulate: the route, who drives it and how, and how the operation ends.</summary>
internal sealed record PursuitPlan(PursuitRoute Route, string Type, string Unit, double SpeedKmh, TimeSpan Interval, double SpeedUp, double NoiseMetres, string Outcome);

/// <summary>One simulated operation against a node: start, replay the positions in batches at the fix rate, end.</summary>
internal sealed class PursuitSimulation(CliContext context, Connection connection)
{
    private const int MaxBatch = 500;

    public async Task<int> RunAsync(PursuitPlan plan, CancellationToken ct)
    {
        var route = plan.Route;
        var start = new StartOperationRequest(
            plan.Type,
            [new OperationUnitInput(plan.Unit, route.Unit.Vehicle, route.Unit.Officers)],
            route.Vehicles,
            route.Suspect.En,
            route.Reason.En,
            route.HomeZone,
            CaseReference: null,
            AuthorisationReference: null,
            AuthorisationDeadline: null);
        var started = await connection.Client.PostAsync<StartOperationRequest, OperationView>("api/v1/operations", start, ct);
        if (!started.Succeeded)
        {
            return context.Fail(connection.Node, started.Problem);
        }

        var operation = started.Value.Id;
        var origin = context.Time.GetUtcNow();
        var fixes = RouteReplay.Fixes(route, new ReplayOptions(plan.Unit, origin, plan.SpeedKmh, plan.Interval, NoiseMetres: plan.NoiseMetres)).ToList();
        var output = context.Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Operation {operation} started: {plan.Type}, {plan.Unit} on {route.Id} ({route.LengthMetres() / 1000:0.0} km, {fixes.Count} fixes at {plan.SpeedKmh:0} km/h every {plan.Interval.TotalSeconds:0.###} s, x{plan.SpeedUp:0.##})"));

        // A batch covers about one second of wall clock, so the node sees the unit move at the fix rate.
        var perBatch = Math.Clamp((int)(plan.SpeedUp / plan.Interval.TotalSeconds), 1, MaxBatch);
        var (sent, crossings, rejected) = (0, 0, 0);
        foreach (var batch in fixes.Chunk(perBatch))
        {
            var due = Stamp(batch[^1].Time, origin, plan.SpeedUp);
            var wait = due - context.Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, context.Time, ct);
            }

            var body = new PositionBatch([.. batch.Select(f => ToInput(f, origin, plan.SpeedUp))]);
            var answered = await connection.Client.PostAsync<PositionBatch, PositionBatchResult>($"api/v1/operations/{operation}/positions", body, ct);
            if (!answered.Succeeded)
            {
                return context.Fail(new CliError(ExitCodes.Failure, $"{answered.Problem.Render()} (operation {operation} is still active)"));
            }

            sent += batch.Length;
            rejected += answered.Value.Rejected.Count;
            foreach (var crossing in answered.Value.Crossings)
            {
                crossings++;
                output.WriteLine(Describe(crossing));
            }
        }

        var ended = await connection.Client.PostAsync($"api/v1/operations/{operation}/end", new EndOperationRequest(plan.Outcome, $"Simulated on route {route.Id}."), ct);
        if (!ended.Succeeded)
        {
            return context.Fail(new CliError(ExitCodes.Failure, $"{ended.Problem.Render()} (operation {operation} is still active)"));
        }

        var refused = rejected == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {rejected} refused by the node");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Operation {operation} ended: {plan.Outcome} ({sent} fixes sent{refused}, {crossings} crossing(s))"));
        return ExitCodes.Ok;
    }

    /// <summary>The wall-clock moment a fix is due: the replay's elapsed time compressed by the speed-up.</summary>
    private static DateTimeOffset Stamp(DateTimeOffset simulated, DateTimeOffset origin, double speedUp) =>
        origin + ((simulated - origin) / speedUp);

    private static PositionFixInput ToInput(PositionFix fix, DateTimeOffset origin, double speedUp) =>
        new(fix.Unit, Math.Round(fix.Point.Latitude, 6), Math.Round(fix.Point.Longitude, 6), Stamp(fix.Time, origin, speedUp), fix.Speed, Math.Round(fix.Heading ?? 0, 1), fix.Accuracy);

    private string Describe(CrossingView c) => string.Create(CultureInfo.InvariantCulture,
        $"{Format.Moment(c.At, context.Time)}  {c.Unit}  {c.From} -> {c.To}  {c.FromZone ?? "-"} -> {c.ToZone ?? "-"}  {c.Lat:0.00000}, {c.Lon:0.00000}");
}
