using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Senningen.Cli.Commands;

internal static class SimulatePursuitCommand
{
    private static readonly string[] Types = ["hot-pursuit", "observation-planned", "observation-urgent", "armed-escort", "transport-aliens-law", "transport-judicial"];
    private static readonly string[] Outcomes = ["apprehended", "lost", "taken-over-by-host", "aborted-at-host-request", "completed"];

    public static Command Create(CliContext context)
    {
        var route = new Option<string>("--route") { Description = $"A shipped route ({string.Join(", ", ShippedRoutes.Names())}) or a route file.", HelpName = "NAME|FILE", Required = true };
        var speedUp = Number("--speed-up", "Replay N times faster than real time", 1, 1, 1000);
        var interval = new Option<TimeSpan>("--interval")
        {
            Description = "Time between two fixes of the unit, e.g. 1s, 500ms, 5s (default 1s).",
            HelpName = "DURATION",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(1),
            CustomParser = ParseInterval,
        };
        var type = new Option<string>("--type") { Description = "The treaty mission type.", HelpName = "TYPE", DefaultValueFactory = _ => Types[0] }.OneOf(Types, "type");
        var unit = new Option<string>("--unit") { Description = "The unit's call sign (default: the route's).", HelpName = "CALLSIGN" };
        var outcome = new Option<string>("--outcome") { Description = "How the operation ends.", HelpName = "OUTCOME", DefaultValueFactory = _ => Outcomes[0] }.OneOf(Outcomes, "outcome");
        var speed = Number("--speed", "Road speed in km/h (default: the route's)", null, 5, 250);
        var noise = Number("--noise", "Standard deviation of simulated GPS noise in metres, seeded so runs repeat", 0, 0, 100);
        var command = new Command("pursuit",
            "Start an operation, replay a route as the unit's GPS fixes (batches at the fix rate), print each border crossing the node " +
            "confirms, then end the operation. Fix times are wall-clock times: with --speed-up N the unit covers N seconds of road per " +
            "second, so fixes are stamped when sent and never lie in the future, at 1/N of the interval apart.")
        {
            route, speedUp, interval, type, unit, outcome, speed, noise,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!ShippedRoutes.TryLoad(parse.GetRequiredValue(route), out var loaded, out var error))
            {
                return context.Fail(error);
            }

            if (!context.TryConnect(parse, loginRequired: true, out var connection, out error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var plan = new PursuitPlan(
                    loaded,
                    OptionRules.Canonical(parse.GetValue(type), Types)!,
                    string.IsNullOrWhiteSpace(parse.GetValue(unit)) ? loaded.Unit.CallSign : parse.GetValue(unit)!.Trim(),
                    parse.GetValue(speed) ?? loaded.SpeedKmh,
                    parse.GetValue(interval),
                    parse.GetValue(speedUp) ?? 1,
                    parse.GetValue(noise) ?? 0,
                    OptionRules.Canonical(parse.GetValue(outcome), Outcomes)!);
                return await new PursuitSimulation(context, connection).RunAsync(plan, ct);
            }
        });
        return command;
    }

    private static Option<double?> Number(string name, string description, double? fallback, double min, double max) => new(name)
    {
        Description = $"{description}; {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.",
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a number from {min} to {max}"));
            return null;
        },
    };

    private static TimeSpan ParseInterval(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value * scale is >= 0.1 and <= 60)
        {
            return TimeSpan.FromSeconds(value * scale);
        }

        result.AddError($"--interval '{text}' is not a duration from 100ms to 60s, e.g. 1s or 500ms");
        return TimeSpan.Zero;
    }
}
