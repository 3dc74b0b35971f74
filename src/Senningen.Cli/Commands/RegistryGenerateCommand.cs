using System.CommandLine;
using System.Globalization;
using Senningen.Contracts.Registry;

namespace Senningen.Cli.Commands;

internal static class RegistryGenerateCommand
{
    public const int MaxPersons = 10_000_000;

    public static Command Create(CliContext context)
    {
        var persons = OptionRules.Whole("--persons", "How many synthetic persons the registry holds afterwards", null, 1, MaxPersons);
        // A default (even null) would count as given and let a missing --persons through.
        persons.DefaultValueFactory = null;
        persons.Required = true;
        var seed = new Option<long?>("--seed")
        {
            Description = "Seed of the synthetic data (default 1); the same seed gives the same registry.",
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                result.AddError($"--seed '{text}' is not a whole number from 0 to {long.MaxValue}");
                return null;
            },
        };
        var command = new Command("generate",
            "Replace the node's reference registry with a synthetic one of its country, for load tests (administrators; audited on the node).")
        {
            persons, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var count = parse.GetValue(persons)!.Value;
                // The node answers when the last row is in: allow about a millisecond per person on top of the usual wait.
                connection.Client.UseTimeout(TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(count));
                var started = context.Time.GetTimestamp();
                var answered = await connection.Client.PostAsync<GenerateRegistryRequest, GenerateRegistryReport>("api/v1/registry/generate",
                    new GenerateRegistryRequest(count, parse.GetValue(seed)), ct);
                if (!answered.Succeeded)
                {
                    return context.Fail(connection.Node, answered.Problem);
                }

                var r = answered.Value;
                var total = context.Time.GetElapsedTime(started).TotalSeconds;
                context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Generated the {r.Country} registry on {connection.Node} (seed {r.Seed}): {r.Persons:N0} persons, {r.Vehicles:N0} vehicles, {r.Documents:N0} documents, {r.Records:N0} police records"));
                context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Time: {r.Seconds:F1} s on the node, {total:F1} s in all ({r.Persons / Math.Max(r.Seconds, 0.001):N0} persons/s)"));
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
