using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Senningen.Cli.Http;
using Senningen.Contracts.Anpr;

namespace Senningen.Cli.Commands;

internal static class AnprReplayCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Reads, one JSON object per line (NDJSON), as POST /api/v1/anpr/reads takes them." };
        var rate = OptionRules.Whole("--rate", "Reads per second to send", 100, 1, 100_000);
        var batch = OptionRules.Whole("--batch", "Reads per request (default: a tenth of a second's worth)", null, 1, 5_000);
        var restamp = new Option<bool>("--restamp") { Description = "Stamp each read with the moment it is sent (observedAt), so an old file replays as live traffic." };
        var command = new Command("replay", "Send a file of camera reads to the node at a steady rate, for demos and load; prints each hit and a summary.")
        {
            file, rate, batch, restamp,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                return context.Fail(CliError.Usage($"{path.FullName} does not exist"));
            }

            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var perSecond = parse.GetValue(rate) ?? 100;
                var lines = (await File.ReadAllLinesAsync(path.FullName, ct)).Select((text, i) => (Number: i + 1, Text: text.Trim()))
                    .Where(l => l.Text.Length > 0).ToList();
                var plan = new ReplayPlan(perSecond, parse.GetValue(batch) ?? Math.Clamp(perSecond / 10, 1, 5_000), parse.GetValue(restamp));
                return await ReplayAsync(context, connection, lines, plan, ct);
            }
        });
        return command;
    }

    private sealed record ReplayPlan(int Rate, int Batch, bool Restamp);

    private static async Task<int> ReplayAsync(CliContext context, Connection connection, List<(int Number, string Text)> lines, ReplayPlan plan,
        CancellationToken ct)
    {
        var (output, started) = (context.Console.Out, context.Time.GetUtcNow());
        var (accepted, rejected, hits, sent) = (0, 0, 0, 0);
        foreach (var chunk in lines.Chunk(plan.Batch))
        {
            // Open loop: each request leaves at its slot in the schedule, whatever the node's answers took.
            var wait = started + TimeSpan.FromSeconds((double)sent / plan.Rate) - context.Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, context.Time, ct);
            }

            var body = new StringContent(Ndjson(chunk, plan.Restamp ? context.Time.GetUtcNow() : null), Encoding.UTF8);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" };
            var answered = await connection.Client.PostContentAsync<ReadBatchResult>("api/v1/anpr/reads", body, ct);
            if (!answered.Succeeded)
            {
                return context.Fail(new CliError(ExitCodes.Failure,
                    string.Create(CultureInfo.InvariantCulture, $"{answered.Problem.Render()} (lines {chunk[0].Number}-{chunk[^1].Number}; {sent} read(s) sent before)")));
            }

            var result = answered.Value;
            foreach (var r in result.Rejected)
            {
                var line = r.Index >= 0 && r.Index < chunk.Length ? chunk[r.Index].Number : 0;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"REJECTED line {line}: {r.Field} ({r.Rule}): {r.Problem}"));
            }

            foreach (var hit in result.Hits)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"HIT {hit.Plate} at {hit.CameraName}: {hit.Category}, {hit.Action} (listed {hit.EntryPlate} by {hit.Owner}, score {hit.Score:0.00})"));
            }

            (sent, accepted, rejected, hits) = (sent + chunk.Length, accepted + result.Accepted, rejected + result.Rejected.Count, hits + result.Hits.Count);
        }

        var seconds = Math.Max((context.Time.GetUtcNow() - started).TotalSeconds, 0.001);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sent} read(s) sent in {seconds:0.0} s ({sent / seconds:0} per second): {accepted} accepted, {rejected} rejected, {hits} hit(s) shown"));
        return rejected == 0 ? ExitCodes.Ok
            : context.Fail(new CliError(ExitCodes.Failure, string.Create(CultureInfo.InvariantCulture, $"{rejected} read(s) rejected (listed above); the others were kept")));
    }

    private static string Ndjson((int Number, string Text)[] chunk, DateTimeOffset? stamp)
    {
        var body = new StringBuilder();
        foreach (var (_, text) in chunk)
        {
            // A line that is not a JSON object goes as it is: the node rejects it by its index, with the reason.
            if (stamp is { } now && JsonNode.Parse(text) is JsonObject read)
            {
                read["observedAt"] = now.ToString("O", CultureInfo.InvariantCulture);
                body.Append(read.ToJsonString()).Append('\n');
            }
            else
            {
                body.Append(text).Append('\n');
            }
        }

        return body.ToString();
    }
}
